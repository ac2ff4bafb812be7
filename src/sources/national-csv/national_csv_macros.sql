-- How national platform exports write numbers and dates, as macros the staging query applies to
-- whole columns at once. Each returns NULL for a cell it cannot read; the checks say why.

-- "1 234,5" and "12 %" without the spaces spreadsheets put in numbers (space, no-break U+00A0,
-- narrow no-break U+202F, thin U+2009, figure space U+2007, Swiss apostrophe) nor the percent sign,
-- in one translate() pass. The characters are written as they are, not built with chr(): macros
-- are inlined wherever their argument appears, and a constant expression would be folded again
-- at each place, which made planning a file's query cost more than reading a small file.
CREATE OR REPLACE TEMP MACRO national_csv_digits(s) AS
  translate(s, '     ''%', '');

-- A number with its separators rewritten for a cast. Both separators: the last one is the decimal
-- one ("1.234,5", "1,234.5"). One separator: thousands when it groups by three and is not the
-- file's decimal separator ("1.234" in a decimal-comma file), decimal otherwise ("12,5").
CREATE OR REPLACE TEMP MACRO national_csv_decimal(t, decimal_sep) AS
  CASE
    WHEN regexp_full_match(t, '-?[0-9]+') THEN t
    WHEN regexp_full_match(t, '-?[0-9]{1,3}(\.[0-9]{3})+,[0-9]*') THEN replace(replace(t, '.', ''), ',', '.')
    WHEN regexp_full_match(t, '-?[0-9]{1,3}(,[0-9]{3})+\.[0-9]*') THEN replace(t, ',', '')
    WHEN decimal_sep = ',' AND regexp_full_match(t, '-?[0-9]{1,3}(\.[0-9]{3})+') THEN replace(t, '.', '')
    WHEN decimal_sep = '.' AND regexp_full_match(t, '-?[0-9]{1,3}(,[0-9]{3})+') THEN replace(t, ',', '')
    WHEN regexp_full_match(t, '-?[0-9]*,[0-9]+') THEN replace(t, ',', '.')
    WHEN regexp_full_match(t, '-?[0-9]*\.[0-9]+') THEN t
  END;

-- A count as most cells write it: whole digits, bare or grouped by French Excel's no-break space
-- ("1 234"), under 10^15. Such a cell has no problem and national_csv_number reads it the same;
-- anything else is NULL here and goes through national_csv_number and the checks. The digits are
-- told by a cast that gives them back unchanged (the cast alone also takes "+1", "1e3", " 1"):
-- cheaper than a pattern.
CREATE OR REPLACE TEMP MACRO national_csv_whole_digits(t) AS
  CASE WHEN TRY_CAST(t AS UBIGINT)::VARCHAR = t AND TRY_CAST(t AS UBIGINT) < 1000000000000000
    THEN TRY_CAST(t AS UBIGINT)::BIGINT
  END;

CREATE OR REPLACE TEMP MACRO national_csv_whole(s) AS
  national_csv_whole_digits(CASE WHEN contains(s, ' ') THEN replace(s, ' ', '') ELSE s END);

-- The number in a cell. The common cases skip the rewriting: plain digits, and whole numbers
-- grouped by French Excel's no-break space ("1 234").
CREATE OR REPLACE TEMP MACRO national_csv_number(s, decimal_sep) AS
  CASE
    WHEN regexp_full_match(s, '[0-9]+') THEN s::DOUBLE
    WHEN regexp_full_match(s, '[0-9]{1,3}(\x{00A0}[0-9]{3})+') THEN replace(s, ' ', '')::DOUBLE
    ELSE TRY_CAST(national_csv_decimal(national_csv_digits(s), decimal_sep) AS DOUBLE)
  END;

-- Month names and abbreviations, French and English, lower case and without accents: every
-- spelling accepted, listed (a lookup binds far faster than a dozen patterns per call).
CREATE OR REPLACE TEMP MACRO national_csv_month_number(w) AS
  MAP {
    'jan': 1, 'janv': 1, 'janier': 1, 'janvier': 1, 'january': 1,
    'fev': 2, 'fevr': 2, 'fevier': 2, 'fevrier': 2, 'feb': 2, 'february': 2,
    'mar': 3, 'mars': 3, 'march': 3,
    'avr': 4, 'avril': 4, 'apr': 4, 'april': 4,
    'mai': 5, 'may': 5,
    'juin': 6, 'jun': 6, 'june': 6,
    'juil': 7, 'juill': 7, 'juillet': 7, 'jul': 7, 'july': 7,
    'aout': 8, 'aug': 8, 'august': 8,
    'sep': 9, 'sept': 9, 'sepembre': 9, 'sepember': 9, 'septembre': 9, 'september': 9,
    'oct': 10, 'octobre': 10, 'october': 10,
    'nov': 11, 'novembre': 11, 'november': 11,
    'dec': 12, 'decembre': 12, 'december': 12
  }[w];

-- A cell naming a month and no day ("janv. 2026", "mars 2026", "Jan-26", "2026-03", "03/2026"):
-- the month's first day.
CREATE OR REPLACE TEMP MACRO national_csv_month_of(l) AS
  CASE
    WHEN regexp_full_match(l, '[a-z]+\.?[ -]+[0-9]{4}') THEN TRY_CAST(
      regexp_extract(l, '([0-9]{4})$', 1) || '-' || national_csv_month_number(regexp_extract(l, '^([a-z]+)', 1)) || '-01' AS DATE)
    WHEN regexp_full_match(l, '[a-z]+\.?[ -]+[0-9]{2}') THEN TRY_CAST(
      '20' || regexp_extract(l, '([0-9]{2})$', 1) || '-' || national_csv_month_number(regexp_extract(l, '^([a-z]+)', 1)) || '-01' AS DATE)
    WHEN regexp_full_match(l, '[0-9]{4}[-/][0-9]{1,2}') THEN TRY_CAST(regexp_replace(l, '^([0-9]{4})[-/]([0-9]{1,2})$', '\1-\2-01') AS DATE)
    WHEN regexp_full_match(l, '[0-9]{1,2}[-/][0-9]{4}') THEN TRY_CAST(regexp_replace(l, '^([0-9]{1,2})[-/]([0-9]{4})$', '\2-\1-01') AS DATE)
  END;

-- Days since 1899-12-30, as Excel stores dates ("46027" or "46027,5").
CREATE OR REPLACE TEMP MACRO national_csv_serial(t) AS
  CASE WHEN regexp_full_match(t, '[0-9]{5}([.,][0-9]+)?') THEN
    DATE '1899-12-30' + CAST(floor(TRY_CAST(replace(t, ',', '.') AS DOUBLE)) AS INTEGER)
  END;

-- Day cells written other than dd/mm/yyyy or yyyy-mm-dd: other separators, two-digit years,
-- a time after the date (converted to the platform's zone when it carries an offset), Excel
-- serial numbers.
CREATE OR REPLACE TEMP MACRO national_csv_other_day(t, day_first, tz) AS
  CASE
    WHEN regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)') THEN
      (TRY_CAST(t AS TIMESTAMPTZ) AT TIME ZONE tz)::DATE
    WHEN regexp_full_match(t, '[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}([T ][0-9:.]+)?') THEN
      TRY_CAST(regexp_replace(t, '^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2}).*$', '\1-\2-\3') AS DATE)
    WHEN regexp_full_match(t, '[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}( [0-9:.]+)?') THEN
      CASE WHEN day_first
        THEN TRY_CAST(regexp_replace(t, '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4}).*$', '\3-\2-\1') AS DATE)
        ELSE TRY_CAST(regexp_replace(t, '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4}).*$', '\3-\1-\2') AS DATE)
      END
    WHEN regexp_full_match(t, '[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2}') THEN
      CASE WHEN day_first
        THEN TRY_CAST(regexp_replace(t, '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2})$', '20\3-\2-\1') AS DATE)
        ELSE TRY_CAST(regexp_replace(t, '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{2})$', '20\3-\1-\2') AS DATE)
      END
    ELSE national_csv_serial(t)
  END;

-- strptime's %Y also takes "26" as the year 26: a day before 1900 is a misread, not a day.
CREATE OR REPLACE TEMP MACRO national_csv_plausible(d) AS
  CASE WHEN year(d) >= 1900 THEN d END;

-- A day cell as a date, any of the forms above; dd/mm/yyyy and yyyy-mm-dd first, as most files
-- write them, untrimmed (the other forms trim the cell). The other forms appear once: each
-- appearance of a macro is planned again for every file.
CREATE OR REPLACE TEMP MACRO national_csv_common_day(t, day_first) AS
  national_csv_plausible(CASE WHEN day_first
    THEN try_strptime(t, ['%d/%m/%Y', '%Y-%m-%d'])
    ELSE try_strptime(t, ['%m/%d/%Y', '%Y-%m-%d'])
  END::DATE);

CREATE OR REPLACE TEMP MACRO national_csv_day(t, day_first, tz) AS
  coalesce(national_csv_common_day(t, day_first), national_csv_other_day(trim(t), day_first, tz));

-- The same for large files: DuckDB computes a macro argument used several times once, for every
-- row, and trimming every cell cost more than reading the common forms; here the other forms get
-- NULL on the rows already read. Longer to plan, so small files keep national_csv_day.
CREATE OR REPLACE TEMP MACRO national_csv_day_lazy(t, day_first, tz) AS
  coalesce(
    national_csv_common_day(t, day_first),
    national_csv_other_day(CASE WHEN national_csv_common_day(t, day_first) IS NULL THEN trim(t) END, day_first, tz)
  );

-- A day cell in the one format a profile declares (see the profiles README for the names).
CREATE OR REPLACE TEMP MACRO national_csv_day_as(t, format) AS
  national_csv_plausible(CASE format
    WHEN 'dd/mm/yyyy' THEN try_strptime(t, '%d/%m/%Y')::DATE
    WHEN 'dd-mm-yyyy' THEN try_strptime(t, '%d-%m-%Y')::DATE
    WHEN 'dd.mm.yyyy' THEN try_strptime(t, '%d.%m.%Y')::DATE
    WHEN 'dd/mm/yy' THEN try_strptime(t, '%d/%m/%y')::DATE
    WHEN 'mm/dd/yyyy' THEN try_strptime(t, '%m/%d/%Y')::DATE
    WHEN 'yyyy-mm-dd' THEN try_strptime(t, '%Y-%m-%d')::DATE
    WHEN 'yyyy/mm/dd' THEN try_strptime(t, '%Y/%m/%d')::DATE
    WHEN 'excel' THEN national_csv_serial(t)
  END);

-- Totals and summary rows ("Total", "Total général", "Moyenne", ...): recognised, never loaded.
-- `pattern` matches the lower-case, accent-free label words at the start of the cell.
CREATE OR REPLACE TEMP MACRO national_csv_is_summary(s, pattern) AS
  coalesce(regexp_matches(strip_accents(lower(trim(s))), pattern), false);

-- Why a count cell cannot be loaded, or NULL when it can (an empty cell is an unknown figure).
CREATE OR REPLACE TEMP MACRO national_csv_count_problem(raw, value, is_percent, is_share) AS
  CASE
    WHEN raw IS NULL THEN NULL
    WHEN value IS NULL THEN CASE WHEN trim(raw) <> '' THEN 'count_nan' END
    WHEN is_percent AND NOT is_share THEN 'count_percent'
    WHEN value < 0 THEN 'count_negative'
    WHEN NOT is_share AND value <> floor(value) THEN 'count_fraction'
    WHEN value >= 1e15 THEN 'count_too_large'
  END;

-- A checked row (national_csv_checked.sql) that goes into core.national_usage as it is: no cell
-- problem, a day up to today, and a month label only in a monthly file. Blank and totals rows
-- have no day. What it cannot see: rows before the header, and days given twice.
CREATE OR REPLACE TEMP MACRO national_csv_loadable(cell_problems, parsed_day, month_label, today, granularity) AS
  cell_problems IS NULL AND parsed_day <= today AND (NOT month_label OR granularity = 'month');
