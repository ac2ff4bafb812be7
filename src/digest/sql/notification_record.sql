-- Records an attempt to send a digest: its outcome, the attempts over every run, the last error.
INSERT INTO ops.notifications
  (kind, period, country_code, lang, recipients, status, attempts, message_id, error, first_tried_at, last_tried_at, sent_at)
VALUES ($kind, $period::DATE, $country_code, $lang, $recipients, $status, $attempts, $message_id, $error,
  $now::TIMESTAMPTZ, $now::TIMESTAMPTZ, CASE WHEN $status = 'sent' THEN $now::TIMESTAMPTZ END)
ON CONFLICT (kind, period, country_code) DO UPDATE SET
  lang = excluded.lang, recipients = excluded.recipients, status = excluded.status,
  attempts = ops.notifications.attempts + excluded.attempts,
  message_id = excluded.message_id, error = excluded.error,
  last_tried_at = excluded.last_tried_at, sent_at = excluded.sent_at
