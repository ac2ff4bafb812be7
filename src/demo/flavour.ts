/**
 * Local colour for the demo: names, regions, languages. Keyed by country code with a default, so a
 * country added to the reference file gets plausible data without code.
 */
export const FIRST_NAMES = {
  F: [
    "Aminata", "Fatou", "Awa", "Mariama", "Kadiatou", "Aïssatou", "Fatoumata", "Ramatoulaye", "Khady",
    "Ndèye", "Coumba", "Adjoa", "Akossiwa", "Afi", "Ama", "Essi", "Abla", "Yawa", "Rokia", "Salimata",
    "Assétou", "Mariam", "Haoua", "Zeinabou", "Hadiza", "Halimatou", "Achta", "Khadidja", "Fanta",
    "Nafissatou", "Bintou", "Chantal", "Brigitte", "Pélagie", "Solange", "Clarisse", "Josiane", "Edwige",
    "Mireille", "Estelle", "Félicité", "Nadège",
  ],
  H: [
    "Mamadou", "Moussa", "Ibrahima", "Ousmane", "Abdoulaye", "Souleymane", "Adama", "Seydou", "Boubacar",
    "Cheikh", "Modou", "Lamine", "Issa", "Amadou", "Oumarou", "Hamidou", "Salif", "Yacouba", "Koffi",
    "Kouassi", "Kodjo", "Komlan", "Yao", "Kossi", "Sena", "Mahamat", "Abakar", "Idriss", "Hassane",
    "Djibril", "Alpha", "Sékou", "Thierno", "Jean-Baptiste", "Serge", "Théodore", "Emmanuel", "Aristide",
    "Rodrigue", "Blaise", "Hervé", "Pascal",
  ],
} as const;

const LAST_NAMES: Record<string, readonly string[]> = {
  atlantic: [
    "Diallo", "Diop", "Ndiaye", "Fall", "Sow", "Ba", "Sy", "Gueye", "Faye", "Mbaye", "Sarr", "Cissé",
    "Camara", "Bah", "Barry", "Condé", "Soumah", "Sylla", "Touré", "Kouyaté",
  ],
  sahel: [
    "Traoré", "Coulibaly", "Keïta", "Konaté", "Diarra", "Sangaré", "Dembélé", "Maïga", "Ouédraogo",
    "Sawadogo", "Kaboré", "Zongo", "Compaoré", "Ouattara", "Issoufou", "Mahamadou", "Abdou", "Hamani",
    "Garba", "Souley",
  ],
  gulf: [
    "Kouamé", "Koné", "N'Guessan", "Kouadio", "Yao", "Bamba", "Agbodjan", "Mensah", "Adjovi",
    "Hounkpatin", "Ahouansou", "Dossou", "Gbaguidi", "Amoussou", "Agbeko", "Kpodar", "Lawson", "Akakpo",
    "Tchalla", "Soglo",
  ],
  central: [
    "Mbarga", "Nkoulou", "Fotso", "Tchoupo", "Ngono", "Essomba", "Atangana", "Kamga", "Ndongo", "Ngassa",
    "Mahamat", "Abakar", "Hassan", "Djimet", "Ngarlem", "Nodjimadji", "Allamine", "Ngaba", "Oumar",
    "Haroun",
  ],
};

const NAME_GROUP: Record<string, string> = {
  SN: "atlantic", GN: "atlantic", ML: "sahel", BF: "sahel", NE: "sahel",
  CI: "gulf", TG: "gulf", BJ: "gulf", CM: "central", TD: "central",
};

export function lastNames(country: string): readonly string[] {
  const group = NAME_GROUP[country];
  return group ? (LAST_NAMES[group] ?? []) : Object.values(LAST_NAMES).flat();
}

const REGIONS: Record<string, readonly string[]> = {
  SN: ["Dakar", "Thiès", "Saint-Louis", "Diourbel", "Kaolack", "Ziguinchor", "Tambacounda", "Kolda", "Louga", "Matam", "Kédougou"],
  ML: ["Bamako", "Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao"],
  BF: ["Centre", "Hauts-Bassins", "Boucle du Mouhoun", "Centre-Nord", "Est", "Nord", "Sahel", "Cascades", "Plateau-Central"],
  NE: ["Niamey", "Agadez", "Diffa", "Dosso", "Maradi", "Tahoua", "Tillabéri", "Zinder"],
  BJ: ["Atlantique", "Littoral", "Ouémé", "Borgou", "Zou", "Mono", "Atacora", "Donga", "Collines"],
  CI: ["Abidjan", "Gbêkê", "Poro", "Haut-Sassandra", "San-Pédro", "Tonkpi", "Bélier", "Indénié-Djuablin"],
  GN: ["Conakry", "Kindia", "Boké", "Labé", "Mamou", "Faranah", "Kankan", "Nzérékoré"],
  TG: ["Grand Lomé", "Maritime", "Plateaux", "Centrale", "Kara", "Savanes"],
  CM: ["Centre", "Littoral", "Ouest", "Nord-Ouest", "Sud-Ouest", "Adamaoua", "Nord", "Extrême-Nord", "Est", "Sud"],
  TD: ["N'Djamena", "Logone Occidental", "Mayo-Kebbi Est", "Ouaddaï", "Moyen-Chari", "Guéra", "Kanem", "Mandoul"],
};

export function regions(country: string): readonly string[] {
  return REGIONS[country] ?? ["Région 1", "Région 2", "Région 3", "Région 4"];
}

const LOCAL_LANGUAGES: Record<string, readonly string[]> = {
  SN: ["Wolof", "Pulaar"], ML: ["Bambara"], BF: ["Mooré", "Dioula"], NE: ["Haoussa", "Zarma"],
  BJ: ["Fon"], CI: ["Baoulé"], GN: ["Soussou", "Pular"], TG: ["Ewe", "Kabyè"], CM: ["Anglais"], TD: ["Arabe"],
};

export function languages(country: string): readonly string[] {
  return ["Français", "Français", "Français", "Français", ...(LOCAL_LANGUAGES[country] ?? [])];
}

/** Hours ahead of UTC, for the offsets written in statement timestamps. */
const UTC_OFFSET: Record<string, number> = { NE: 1, BJ: 1, CM: 1, TD: 1 };

export function utcOffset(country: string): number {
  return UTC_OFFSET[country] ?? 0;
}

export const ROLES = [
  "Inspecteur de l'enseignement", "Conseiller pédagogique", "Directeur d'école", "Enseignant",
  "Formateur CRFPE", "Professeur de lycée",
] as const;

export const LEVELS = ["Préscolaire", "Primaire", "Secondaire"] as const;

export const GRADES: Record<(typeof LEVELS)[number], readonly string[]> = {
  Préscolaire: ["Petite section", "Grande section"],
  Primaire: ["CI", "CP", "CE1", "CE2", "CM1", "CM2"],
  Secondaire: ["6e", "5e", "4e", "3e", "Seconde", "Terminale"],
};

export const TOPICS: Record<string, readonly string[]> = {
  Mathématiques: ["Les fractions", "La proportionnalité", "Les nombres décimaux", "Le cercle", "Calcul mental", "Les équations"],
  Français: ["Le conte africain", "Le présent de l'indicatif", "Lecture suivie", "Production d'écrits", "Le récit"],
  "Sciences d'observation": ["Le cycle de l'eau", "La germination", "Le corps humain", "Les saisons"],
  "Histoire-Géographie": ["Les empires du Sahel", "Le fleuve Niger", "Les climats d'Afrique", "La décolonisation"],
  "Éducation civique": ["Les droits de l'enfant", "La citoyenneté", "L'hygiène à l'école"],
  "Physique-Chimie": ["L'électricité", "Les mélanges", "La lumière"],
};

export const RESOURCE_TYPES = [
  "Vidéo", "Capsule audio", "Fiche pédagogique (PDF)", "Exercice interactif", "Émission radio", "Manuel numérique",
] as const;

export const ACTIVITIES = [
  "Atelier national de formation des formateurs",
  "Formation en cascade des enseignants",
  "Production de capsules vidéo de mathématiques",
  "Validation des ressources par l'inspection",
  "Mission de suivi pédagogique",
  "Rapport trimestriel au comité de pilotage",
  "Enregistrement d'émissions radio",
  "Mise à jour de la plateforme nationale",
  "Campagne de sensibilisation des parents",
  "Atelier d'harmonisation des programmes",
  "Équipement des centres de ressources",
  "Évaluation à mi-parcours",
  "Réunion du comité national",
  "Traduction de ressources en langues nationales",
  "Formation des directeurs d'école",
  "Collecte des données de fréquentation",
] as const;

/**
 * Comments people leave, by how the activity went. Some name the person in charge, with an
 * e-mail or a phone number, as real free text does: `{name}`, `{email}` and `{phone}` are filled
 * in for the row, and none of it may reach the site or the exports.
 */
export const COMMENTS = {
  done: ["", "Terminé, rapport envoyé", "Voir compte rendu de la réunion", "Rapport envoyé par {name} ({email})"],
  open: [
    "", "", "En attente du financement", "Reporté à cause des examens", "Matériel livré en partie", "Connexion internet instable dans la région",
    "Relancer {name} au {phone}", "Contact : {name}, {email}",
  ],
} as const;

export const MAIL_DOMAINS = ["gmail.com", "gmail.com", "yahoo.fr", "hotmail.fr", "outlook.com"] as const;

/** Lower-case ASCII for logins and e-mail local parts: Keïta -> keita, N'Guessan -> nguessan. */
export function slug(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}
