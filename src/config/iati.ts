// The `iati` section of the pipelines configuration: who publishes the programme's results and
// under which activity identifier, for `export --format iati` (an IATI 2.03 activity file).
//
//   "iati": {
//     "activityId": "XM-DAC-41304-IMAGINECOLE",
//     "reportingOrg": { "ref": "XM-DAC-41304", "type": "40", "name": "UNESCO" },
//     "participatingOrgs": [{ "ref": "XM-DAC-41304", "role": "4", "type": "40", "name": "UNESCO Dakar" }]
//   }
import { z } from "zod";
import { said } from "./issues.ts";

/** An organisation identifier as IATI writes them: agency prefix, a hyphen, the agency's own id. */
const orgRef = z.string().refine((ref) => /^[A-Za-z]{2}-[A-Za-z0-9]+(-\S+)?$/.test(ref), said(
  "identifiant d'organisation IATI attendu (ex. XM-DAC-41304)",
  "expected an IATI organisation identifier (e.g. XM-DAC-41304)",
));
/** A code of the IATI OrganisationType list (10 government, 21 international NGO, 40 multilateral…). */
const orgType = z.string().refine((type) => /^\d{2}$/.test(type), said("code de type d'organisation IATI attendu (ex. 40)", "expected an IATI organisation type code (e.g. 40)"));

export const iatiSchema = z.strictObject({
  /** iati-identifier: the reporting organisation's identifier, a hyphen, the activity's own id. */
  activityId: z.string().min(1).refine((id) => !/\s/.test(id), said("sans espace", "without spaces")),
  reportingOrg: z.strictObject({ ref: orgRef, type: orgType, name: z.string().min(1) }),
  /** The organisations taking part; role 1 funding, 2 accountable, 3 extending, 4 implementing. */
  participatingOrgs: z
    .array(z.strictObject({ ref: orgRef.optional(), role: z.enum(["1", "2", "3", "4"]), type: orgType.optional(), name: z.string().min(1) }))
    .min(1)
    .optional(),
});

export type IatiSettings = z.infer<typeof iatiSchema>;
