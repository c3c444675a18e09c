<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_BE">
<context>
    <name>CameraView</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Camera disconnected</source>
        <translation>Caméra déconnectée</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>En attente de la caméra…</translation>
    </message>
</context>
<context>
    <name>DeclarationForm</name>
    <message>
        <source>{field}: give at least one country code</source>
        <translation>{field} : indiquez au moins un code pays</translation>
    </message>
    <message>
        <source>{field}: {code} is not a two-letter country code (e.g. BW)</source>
        <translation>{field} : {code} n&apos;est pas un code pays à deux lettres (p. ex. BW)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a weight in carats</source>
        <translation>{field} : {text} n&apos;est pas un poids en carats</translation>
    </message>
    <message>
        <source>{field}: the weight must be more than 0 ct</source>
        <translation>{field} : le poids doit dépasser 0 ct</translation>
    </message>
    <message>
        <source>{field}: at most 3 decimals (0.001 ct)</source>
        <translation>{field} : 3 décimales au plus (0,001 ct)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a whole number</source>
        <translation>{field} : {text} n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>{field}: at least {minimum}</source>
        <translation>{field} : au moins {minimum}</translation>
    </message>
    <message>
        <source>under {max} ct</source>
        <translation>moins de {max} ct</translation>
    </message>
    <message>
        <source>{min} ct and over</source>
        <translation>{min} ct et plus</translation>
    </message>
    <message>
        <source>{min} to {max} ct</source>
        <translation>de {min} à {max} ct</translation>
    </message>
    <message>
        <source>{field}: required (it is screened against the sanctions lists)</source>
        <translation>{field} : obligatoire (contrôlé par rapport aux listes de sanctions)</translation>
    </message>
    <message>
        <source>{field}: {code} is not a CN/HS code (e.g. 7102.31.00)</source>
        <translation>{field} : {code} n&apos;est pas un code NC/SH (p. ex. 7102.31.00)</translation>
    </message>
    <message>
        <source>{field}: one country (where the parcel was shipped from)</source>
        <translation>{field} : un pays (d&apos;où le colis a été expédié)</translation>
    </message>
    <message>
        <source>{field}: at most one country</source>
        <translation>{field} : un pays au plus</translation>
    </message>
    <message>
        <source>typed at the kiosk</source>
        <translation>saisie à la borne</translation>
    </message>
    <message>
        <source>Declaration typed in (none was found)</source>
        <translation>Déclaration saisie (aucune trouvée)</translation>
    </message>
    <message>
        <source>e.g. DO-2026-001</source>
        <translation>p. ex. DO-2026-001</translation>
    </message>
    <message>
        <source>e.g. BW2026004417</source>
        <translation>p. ex. BW2026004417</translation>
    </message>
    <message>
        <source>e.g. BW, ZA</source>
        <translation>p. ex. BW, ZA</translation>
    </message>
    <message>
        <source>e.g. AE</source>
        <translation>p. ex. AE</translation>
    </message>
    <message>
        <source>if cut, e.g. IN</source>
        <translation>si taillé, p. ex. IN</translation>
    </message>
    <message>
        <source>e.g. 1250.400</source>
        <translation>p. ex. 1250,400</translation>
    </message>
    <message>
        <source>Stones by size class (packing list)</source>
        <translation>Pierres par classe de taille (liste de colisage)</translation>
    </message>
    <message>
        <source>Stones</source>
        <translation>Pierres</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <source>✔  Save declaration</source>
        <translation>✔  Enregistrer la déclaration</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Empty size classes are left out; the checks run again.</source>
        <translation>Les classes de taille vides sont ignorées ; les contrôles sont relancés.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exportateur</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Importateur</translation>
    </message>
    <message>
        <source>CN/HS code</source>
        <translation>Code NC/SH</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Processed in</source>
        <translation>Transformé en</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Colis</translation>
    </message>
    <message>
        <source>Stones {label}: give both the number of stones and their carats</source>
        <translation>Pierres {label} : indiquez le nombre de pierres et leurs carats</translation>
    </message>
    <message>
        <source>Stones {label}</source>
        <translation>Pierres {label}</translation>
    </message>
    <message>
        <source>Carats {label}</source>
        <translation>Carats {label}</translation>
    </message>
    <message>
        <source>Stones by size class: their carats add up to more than the parcel&apos;s</source>
        <translation>Pierres par classe de taille : leurs carats dépassent ceux du colis</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Backend</source>
        <translation>Pilote</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Dernier</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <source>Read</source>
        <translation>Lire</translation>
    </message>
    <message>
        <source>Read the scale once and show the reply</source>
        <translation>Lire la balance une fois et afficher la réponse</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Zéro</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Prendre une photo</translation>
    </message>
    <message>
        <source>A test picture; it is not added to a parcel</source>
        <translation>Une photo de test ; elle n&apos;est ajoutée à aucun colis</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Impression de test</translation>
    </message>
    <message>
        <source>Serial ports</source>
        <translation>Ports série</translation>
    </message>
    <message>
        <source>Detect ports</source>
        <translation>Détecter les ports</translation>
    </message>
    <message>
        <source>Probe the serial ports for balances (the kiosk&apos;s own ports are skipped)</source>
        <translation>Sonder les ports série à la recherche de balances (les ports de la borne sont ignorés)</translation>
    </message>
    <message>
        <source>Read-only: a technician signs in to test or change the devices.</source>
        <translation>Lecture seule : un technicien se connecte pour tester ou modifier les appareils.</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Leave full screen so the kiosk can be closed (recorded)</source>
        <translation>Quitter le plein écran pour pouvoir fermer la borne (enregistré)</translation>
    </message>
    <message>
        <source>Press Detect ports to look for balances.</source>
        <translation>Appuyez sur Détecter les ports pour chercher des balances.</translation>
    </message>
    <message>
        <source>Scale zeroed.</source>
        <translation>Balance remise à zéro.</translation>
    </message>
    <message>
        <source>Scale tared.</source>
        <translation>Balance tarée.</translation>
    </message>
    <message>
        <source>Scale read: %1 (reply %2)</source>
        <translation>Balance lue : %1 (réponse %2)</translation>
    </message>
    <message>
        <source>Test slip sent to %1.</source>
        <translation>Bordereau de test envoyé à %1.</translation>
    </message>
    <message>
        <source>Test print failed: %1</source>
        <translation>Échec de l&apos;impression de test : %1</translation>
    </message>
    <message>
        <source>Snapshot saved: %1 (%2 x %3)</source>
        <translation>Photo enregistrée : %1 (%2 x %3)</translation>
    </message>
    <message>
        <source>Probing the serial ports…</source>
        <translation>Sondage des ports série…</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Éteint</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>No serial ports found.</source>
        <translation>Aucun port série trouvé.</translation>
    </message>
    <message>
        <source>%1 port(s) found:</source>
        <translation>%1 port(s) trouvé(s) :</translation>
    </message>
    <message>
        <source>nothing answered</source>
        <translation>aucune réponse</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Not looked up yet</source>
        <translation>Pas encore recherché</translation>
    </message>
    <message>
        <source>No declaration found</source>
        <translation>Aucune déclaration trouvée</translation>
    </message>
    <message>
        <source>No KP certificate found</source>
        <translation>Aucun certificat PK trouvé</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exportateur</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Importateur</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>Cert. PK</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Carats</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>1 parcel</source>
        <translation>1 colis</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 colis</translation>
    </message>
    <message>
        <source>cut in %1</source>
        <translation>taillé en %1</translation>
    </message>
    <message>
        <source>shipped from %1</source>
        <translation>expédié de %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>%1 (mixed)</source>
        <translation>%1 (mixte)</translation>
    </message>
    <message>
        <source>%1; origin %2; %3 parcel(s)</source>
        <translation>%1 ; origine %2 ; %3 colis</translation>
    </message>
    <message>
        <source>declared %1</source>
        <translation>déclaré %1</translation>
    </message>
    <message>
        <source>KP %1</source>
        <translation>PK %1</translation>
    </message>
</context>
<context>
    <name>FaultPanel</name>
    <message>
        <source>FAULT</source>
        <translation>PANNE</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>Réessayer (Entrée)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <source>G7 certificate</source>
        <translation>Certificat G7</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Air waybill</source>
        <translation>Lettre de transport aérien</translation>
    </message>
    <message>
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>RFID tag (EPC)</source>
        <translation>Étiquette RFID (EPC)</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Scellé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>✔ STABLE</source>
        <translation>✔ STABLE</translation>
    </message>
    <message>
        <source>settling…</source>
        <translation>stabilisation…</translation>
    </message>
    <message>
        <source>OVERLOAD – remove weight</source>
        <translation>SURCHARGE – retirez du poids</translation>
    </message>
    <message>
        <source>UNDERLOAD – zero the balance</source>
        <translation>SOUS-CHARGE – remettez la balance à zéro</translation>
    </message>
    <message>
        <source>BUSY – balance working</source>
        <translation>OCCUPÉE – la balance travaille</translation>
    </message>
    <message>
        <source>BALANCE ERROR</source>
        <translation>ERREUR DE LA BALANCE</translation>
    </message>
    <message>
        <source>SCALE DISCONNECTED</source>
        <translation>BALANCE DÉCONNECTÉE</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>settling</source>
        <translation>en stabilisation</translation>
    </message>
    <message>
        <source>overload</source>
        <translation>surcharge</translation>
    </message>
    <message>
        <source>underload</source>
        <translation>sous-charge</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>occupée</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnectée</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>MAINLEVÉE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>EXEMPTION</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>RETENUE</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>REFUS</translation>
    </message>
    <message>
        <source>All checks passed: the parcel may be released</source>
        <translation>Tous les contrôles sont réussis : le colis peut être libéré</translation>
    </message>
    <message>
        <source>Exemption applies: the parcel may be released</source>
        <translation>Une exemption s&apos;applique : le colis peut être libéré</translation>
    </message>
    <message>
        <source>Do not release yet</source>
        <translation>Ne pas encore libérer</translation>
    </message>
    <message>
        <source>Do not release: import prohibited</source>
        <translation>Ne pas libérer : importation interdite</translation>
    </message>
    <message>
        <source>Waiting for identifiers, weight and photo</source>
        <translation>En attente des identifiants, du poids et de la photo</translation>
    </message>
    <message>
        <source>Waiting for identifiers and weight</source>
        <translation>En attente des identifiants et du poids</translation>
    </message>
    <message>
        <source>Waiting for identifiers and photo</source>
        <translation>En attente des identifiants et de la photo</translation>
    </message>
    <message>
        <source>Waiting for weight and photo</source>
        <translation>En attente du poids et de la photo</translation>
    </message>
    <message>
        <source>Waiting for identifiers</source>
        <translation>En attente des identifiants</translation>
    </message>
    <message>
        <source>Waiting for weight</source>
        <translation>En attente du poids</translation>
    </message>
    <message>
        <source>Waiting for photo</source>
        <translation>En attente de la photo</translation>
    </message>
    <message>
        <source>Ready: press Check now</source>
        <translation>Prêt : appuyez sur Contrôler</translation>
    </message>
    <message>
        <source>documents produced</source>
        <translation>documents produits</translation>
    </message>
    <message>
        <source>weighing error</source>
        <translation>erreur de pesée</translation>
    </message>
    <message>
        <source>seal explained</source>
        <translation>scellé expliqué</translation>
    </message>
    <message>
        <source>data outdated</source>
        <translation>données périmées</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>collecting</source>
        <translation>collecte</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>décidé</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>levé</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1 ct</source>
        <translation>%1 ct</translation>
    </message>
    <message>
        <source>%1 g</source>
        <translation>%1 g</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>%1 d old</source>
        <translation>il y a %1 j</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>il y a %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>il y a %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>il y a %1 j</translation>
    </message>
    <message>
        <source>Data %1 · %2</source>
        <translation>Données %1 · %2</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>EN ATTENTE</translation>
    </message>
    <message>
        <source>Override of %1 by %2: %3</source>
        <translation>%1 levée par %2 : %3</translation>
    </message>
    <message>
        <source>%1 — 1 reason: %2</source>
        <translation>%1 — 1 motif : %2</translation>
    </message>
    <message>
        <source>%1 — %3 reasons: %2</source>
        <translation>%1 — %3 motifs : %2</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>input</source>
        <translation>saisie</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>décidé</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>levé</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>réimprimé</translation>
    </message>
    <message>
        <source>slip written</source>
        <translation>bordereau établi</translation>
    </message>
    <message>
        <source>new seal applied</source>
        <translation>nouveau scellé apposé</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>End-of-shift report</source>
        <translation>Rapport de service</translation>
    </message>
    <message>
        <source>KP monthly report</source>
        <translation>Rapport PK du mois</translation>
    </message>
    <message>
        <source>Back to inspection</source>
        <translation>Au contrôle</translation>
    </message>
    <message>
        <source>&amp;Identifier or inspection id</source>
        <translation>&amp;Identifiant ou n° de contrôle</translation>
    </message>
    <message>
        <source>KP, MRN, AWB, seal…</source>
        <translation>PK, MRN, LTA, scellé…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation>Dé&amp;cision</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Poste</translation>
    </message>
    <message>
        <source>all posts</source>
        <translation>tous les postes</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>Certificat PK</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Levée</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Plus récents</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Plus anciens ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Back to results</source>
        <translation>Retour aux résultats</translation>
    </message>
    <message>
        <source>IDENTIFIERS</source>
        <translation>IDENTIFIANTS</translation>
    </message>
    <message>
        <source>WEIGHT</source>
        <translation>POIDS</translation>
    </message>
    <message>
        <source>PHOTO</source>
        <translation>PHOTO</translation>
    </message>
    <message>
        <source>REASONS AND LEGAL BASIS</source>
        <translation>MOTIFS ET BASE JURIDIQUE</translation>
    </message>
    <message>
        <source>SLIP</source>
        <translation>BORDEREAU</translation>
    </message>
    <message>
        <source>AUDIT TRAIL</source>
        <translation>PISTE D&apos;AUDIT</translation>
    </message>
    <message>
        <source>Reprint slip</source>
        <translation>Réimprimer le bordereau</translation>
    </message>
    <message>
        <source>Re-check under the rules of its date</source>
        <translation>Recontrôler selon les règles de sa date</translation>
    </message>
    <message>
        <source>Press Search to list inspections</source>
        <translation>Appuyez sur Rechercher pour lister les contrôles</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Toute décision</translation>
    </message>
    <message>
        <source>✔ CLEAR</source>
        <translation>✔ MAINLEVÉE</translation>
    </message>
    <message>
        <source>✔ EXEMPT</source>
        <translation>✔ EXEMPTION</translation>
    </message>
    <message>
        <source>! HOLD</source>
        <translation>! RETENUE</translation>
    </message>
    <message>
        <source>✖ REFUSE</source>
        <translation>✖ REFUS</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Levée</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>MAINLEVÉE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>EXEMPTION</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>RETENUE</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>REFUS</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>pas de décision</translation>
    </message>
    <message>
        <source>Inspections {first}–{last}, newest first</source>
        <translation>Contrôles {first}–{last}, les plus récents d&apos;abord</translation>
    </message>
    <message>
        <source>No inspection matches the search.</source>
        <translation>Aucun contrôle ne correspond à la recherche.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: same verdict ({now}), same reasons.</source>
        <translation>Recontrôlé selon les règles du {day} : même décision ({now}), mêmes motifs.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: recorded {before}, now {now}.</source>
        <translation>Recontrôlé selon les règles du {day} : enregistré {before}, maintenant {now}.</translation>
    </message>
    <message>
        <source>New: {reason}</source>
        <translation>Nouveau : {reason}</translation>
    </message>
    <message>
        <source>No longer: {reason}</source>
        <translation>Plus maintenant : {reason}</translation>
    </message>
    <message>
        <source>Slip reprinted: {where}</source>
        <translation>Bordereau réimprimé : {where}</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Rapport écrit : {path}</translation>
    </message>
    <message>
        <source>Re-checking…</source>
        <translation>Recontrôle…</translation>
    </message>
    <message>
        <source>Cannot search: {why}</source>
        <translation>Recherche impossible : {why}</translation>
    </message>
    <message>
        <source>✎ overridden by {name}</source>
        <translation>✎ levée par {name}</translation>
    </message>
    <message>
        <source>Inspection {id} · {when}</source>
        <translation>Contrôle {id} · {when}</translation>
    </message>
    <message>
        <source>{kind}: {value} ({source})</source>
        <translation>{kind} : {value} ({source})</translation>
    </message>
    <message>
        <source> — invalid: {why}</source>
        <translation> — invalide : {why}</translation>
    </message>
    <message>
        <source>Declaration {ref}</source>
        <translation>Déclaration {ref}</translation>
    </message>
    <message>
        <source>KP certificate on file: {carats} ct, {parcels} parcel(s), US$ {value}</source>
        <translation>Certificat PK au registre : {carats} ct, {parcels} colis, US$ {value}</translation>
    </message>
    <message>
        <source>Inspector: {name}</source>
        <translation>Inspecteur : {name}</translation>
    </message>
    <message>
        <source>Post {post}, kiosk {kiosk}</source>
        <translation>Poste {post}, borne {kiosk}</translation>
    </message>
    <message>
        <source>No identifier recorded.</source>
        <translation>Aucun identifiant enregistré.</translation>
    </message>
    <message>
        <source>No weight recorded.</source>
        <translation>Aucun poids enregistré.</translation>
    </message>
    <message>
        <source>{carats} ct, stable, at {when}
scale {scale}, reply “{raw}”</source>
        <translation>{carats} ct, stable, le {when}
balance {scale}, réponse « {raw} »</translation>
    </message>
    <message>
        <source>{before} → {after}: overridden by {supervisor} (supervisor) for {inspector} (inspector) at {when}; code {code}: “{text}”</source>
        <translation>{before} → {after} : levée par {supervisor} (superviseur) pour {inspector} (inspecteur) le {when} ; code {code} : « {text} »</translation>
    </message>
    <message>
        <source>No slip: the inspection has no verdict.</source>
        <translation>Pas de bordereau : le contrôle n&apos;a pas de décision.</translation>
    </message>
    <message>
        <source>The slip file is missing: Reprint makes a new copy marked REPRINT.</source>
        <translation>Le fichier du bordereau manque : Réimprimer crée une nouvelle copie marquée REPRINT.</translation>
    </message>
    <message>
        <source>Slip printed {when}.</source>
        <translation>Bordereau imprimé le {when}.</translation>
    </message>
    <message>
        <source>Slip written, never printed.</source>
        <translation>Bordereau écrit, jamais imprimé.</translation>
    </message>
    <message>
        <source>Reprinted {n} time(s).</source>
        <translation>Réimprimé {n} fois.</translation>
    </message>
</context>
<context>
    <name>IdentifierPanel</name>
    <message>
        <source>scanned</source>
        <translation>scanné</translation>
    </message>
    <message>
        <source>RFID</source>
        <translation>RFID</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>caméra</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>saisi</translation>
    </message>
    <message>
        <source>%1 · valid · %2</source>
        <translation>%1 · valide · %2</translation>
    </message>
    <message>
        <source>%1 · INVALID: %2 · %3</source>
        <translation>%1 · INVALIDE : %2 · %3</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>non reconnu</translation>
    </message>
    <message>
        <source>? Not recognised yet: {problem}</source>
        <translation>? Pas encore reconnu : {problem}</translation>
    </message>
    <message>
        <source>✔ {kind} · valid (check digit OK)</source>
        <translation>✔ {kind} · valide (chiffre de contrôle OK)</translation>
    </message>
    <message>
        <source>✖ {kind} · {problem}</source>
        <translation>✖ {kind} · {problem}</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Scan the KP certificate, MRN, air waybill or seal, or type a code below.</source>
        <translation>Scannez le certificat PK, le MRN, la lettre de transport aérien ou le scellé, ou saisissez un code ci-dessous.</translation>
    </message>
    <message>
        <source>Type a code</source>
        <translation>Saisissez un code</translation>
    </message>
    <message>
        <source>Type an identifier that does not scan</source>
        <translation>Saisissez un identifiant qui ne se scanne pas</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Typed code check</source>
        <translation>Contrôle du code saisi</translation>
    </message>
</context>
<context>
    <name>IdentifierRow</name>
    <message>
        <source>Received: %1</source>
        <translation>Reçu : %1</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <source>Zero</source>
        <translation>Zéro</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>✔  Check now</source>
        <translation>✔  Contrôler</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Imprimer le bordereau</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Réimprimer</translation>
    </message>
    <message>
        <source>Print the stored slip again; recorded as a reprint</source>
        <translation>Réimprimer le bordereau enregistré ; consigné comme réimpression</translation>
    </message>
    <message>
        <source>Next parcel  →</source>
        <translation>Colis suivant  →</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Lever…</translation>
    </message>
    <message>
        <source>A supervisor lifts the hold</source>
        <translation>Un superviseur lève la retenue</translation>
    </message>
    <message>
        <source>Type the declaration…</source>
        <translation>Saisir la déclaration…</translation>
    </message>
    <message>
        <source>No declaration was found: type it in from the documents</source>
        <translation>Aucune déclaration trouvée : saisissez-la à partir des documents</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Reasons and legal basis</source>
        <translation>Motifs et base juridique</translation>
    </message>
    <message>
        <source>Parcel {id} · {state} · started {time}</source>
        <translation>Colis {id} · {state} · commencé à {time}</translation>
    </message>
    <message>
        <source>{outcome} — overridden by {name} ({code})</source>
        <translation>{outcome} — levée par {name} ({code})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Slip printed: %1</source>
        <translation>Bordereau imprimé : %1</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Échec de l&apos;impression : %1</translation>
    </message>
    <message>
        <source>Override recorded</source>
        <translation>Levée enregistrée</translation>
    </message>
    <message>
        <source>%1. The slip now carries both names: press Print slip.</source>
        <translation>%1. Le bordereau porte maintenant les deux noms : appuyez sur Imprimer le bordereau.</translation>
    </message>
    <message>
        <source>Override refused: %1</source>
        <translation>Levée refusée : %1</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>se connecter</translation>
    </message>
    <message>
        <source>add the identifier</source>
        <translation>ajouter l&apos;identifiant</translation>
    </message>
    <message>
        <source>lock the screen</source>
        <translation>verrouiller l&apos;écran</translation>
    </message>
    <message>
        <source>Trying the database again…</source>
        <translation>Nouvel essai de la base de données…</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>ouvrir la base de données</translation>
    </message>
    <message>
        <source>Still not answering (checked at %1). The kiosk keeps trying.</source>
        <translation>Toujours pas de réponse (vérifié à %1). La borne continue d&apos;essayer.</translation>
    </message>
    <message>
        <source>The scale is not answering</source>
        <translation>La balance ne répond pas</translation>
    </message>
    <message>
        <source>The scale is disconnected.</source>
        <translation>La balance est déconnectée.</translation>
    </message>
    <message>
        <source>Check the scale&apos;s cable and power switch. The kiosk reconnects by itself and this panel closes when the scale answers; the parcel under way is kept.</source>
        <translation>Vérifiez le câble et l&apos;interrupteur de la balance. La borne se reconnecte d&apos;elle-même et ce panneau se ferme dès que la balance répond ; le colis en cours est conservé.</translation>
    </message>
    <message>
        <source>check the parcel</source>
        <translation>contrôler le colis</translation>
    </message>
    <message>
        <source>print the slip</source>
        <translation>imprimer le bordereau</translation>
    </message>
    <message>
        <source>reprint the slip</source>
        <translation>réimprimer le bordereau</translation>
    </message>
    <message>
        <source>record the declaration</source>
        <translation>enregistrer la déclaration</translation>
    </message>
    <message>
        <source>record the new seal</source>
        <translation>enregistrer le nouveau scellé</translation>
    </message>
    <message>
        <source>start the next parcel</source>
        <translation>commencer le colis suivant</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>se déconnecter</translation>
    </message>
    <message>
        <source>zero the scale</source>
        <translation>remettre la balance à zéro</translation>
    </message>
    <message>
        <source>tare the scale</source>
        <translation>tarer la balance</translation>
    </message>
    <message>
        <source>There is no verdict to override.</source>
        <translation>Il n&apos;y a pas de décision à lever.</translation>
    </message>
    <message>
        <source>Could not list the supervisors: %1</source>
        <translation>Impossible de lister les superviseurs : %1</translation>
    </message>
    <message>
        <source>record the override</source>
        <translation>enregistrer la levée</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Impossible de %1 : %2</translation>
    </message>
    <message>
        <source>Inspection Kiosk — %1</source>
        <translation>Borne d&apos;inspection — %1</translation>
    </message>
    <message>
        <source>Only a signed-in technician can leave kiosk mode.</source>
        <translation>Seul un technicien connecté peut quitter le mode borne.</translation>
    </message>
    <message>
        <source>Kiosk mode left: the window can now be closed.</source>
        <translation>Mode borne quitté : la fenêtre peut maintenant être fermée.</translation>
    </message>
    <message>
        <source>Your role may not open any screen here.</source>
        <translation>Votre rôle ne peut ouvrir aucun écran ici.</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>La base de données est inutilisable</translation>
    </message>
    <message>
        <source>Nothing already saved is lost. Check the disk and the database settings, or call the technician, then press Retry.</source>
        <translation>Rien de ce qui est déjà enregistré n&apos;est perdu. Vérifiez le disque et les réglages de la base de données, ou appelez le technicien, puis appuyez sur Réessayer.</translation>
    </message>
    <message>
        <source>read the badge</source>
        <translation>lire le badge</translation>
    </message>
    <message>
        <source>Close menu</source>
        <translation>Fermer le menu</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Data &amp; sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Could not list the users: %1</source>
        <translation>Impossible de lister les utilisateurs : %1</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>nothing was read</source>
        <translation>rien n&apos;a été lu</translation>
    </message>
    <message>
        <source>not a recognised identifier</source>
        <translation>identifiant non reconnu</translation>
    </message>
    <message>
        <source>too long for an identifier ({length} characters, at most {limit})</source>
        <translation>trop long pour un identifiant ({length} caractères, au plus {limit})</translation>
    </message>
    <message>
        <source>an RFID tag id has only letters and digits</source>
        <translation>un identifiant d&apos;étiquette RFID ne contient que des lettres et des chiffres</translation>
    </message>
    <message>
        <source>an RFID tag id has 4 to 32 characters, found {count}</source>
        <translation>un identifiant d&apos;étiquette RFID a de 4 à 32 caractères, trouvé : {count}</translation>
    </message>
    <message>
        <source>{country} is not an ISO 3166-1 country code</source>
        <translation>{country} n&apos;est pas un code pays ISO 3166-1</translation>
    </message>
    <message>
        <source>a G7 certificate serial has at least 3 characters with a digit</source>
        <translation>le numéro de série d&apos;un certificat G7 a au moins 3 caractères dont un chiffre</translation>
    </message>
    <message>
        <source>a seal number has 5 to 12 digits, found {count}</source>
        <translation>un numéro de scellé a de 5 à 12 chiffres, trouvé : {count}</translation>
    </message>
    <message>
        <source>the 17th character (procedure category) must be a letter, not {found}</source>
        <translation>le 17e caractère (catégorie de procédure) doit être une lettre, pas {found}</translation>
    </message>
    <message>
        <source>check character is {found}, expected {expected}</source>
        <translation>caractère de contrôle {found}, attendu {expected}</translation>
    </message>
    <message>
        <source>check digit is {found}, expected {expected}</source>
        <translation>chiffre de contrôle {found}, attendu {expected}</translation>
    </message>
    <message>
        <source>{kind} check digit is {found}, expected {expected}</source>
        <translation>chiffre de contrôle {kind} {found}, attendu {expected}</translation>
    </message>
    <message>
        <source>an SSCC after AI (00) has 18 digits</source>
        <translation>un SSCC après l&apos;AI (00) a 18 chiffres</translation>
    </message>
    <message>
        <source>a GTIN after AI (01) has 14 digits</source>
        <translation>un GTIN après l&apos;AI (01) a 14 chiffres</translation>
    </message>
    <message>
        <source>a KP certificate number has at most 30 characters, found {count}</source>
        <translation>un numéro de certificat PK a au plus 30 caractères, trouvé : {count}</translation>
    </message>
    <message>
        <source>a KP certificate number has at least 3 characters after the country code</source>
        <translation>un numéro de certificat PK a au moins 3 caractères après le code pays</translation>
    </message>
    <message>
        <source>expected a KP certificate number such as BW 0123456</source>
        <translation>attendu : un numéro de certificat PK tel que BW 0123456</translation>
    </message>
    <message>
        <source>expected a G7 certificate number such as G7-BE-2026-000123</source>
        <translation>attendu : un numéro de certificat G7 tel que G7-BE-2026-000123</translation>
    </message>
    <message>
        <source>expected an MRN of 18 characters such as 26BE000000000000A1</source>
        <translation>attendu : un MRN de 18 caractères tel que 26BE000000000000A1</translation>
    </message>
    <message>
        <source>expected an air waybill number such as 176-12345675</source>
        <translation>attendu : un numéro de lettre de transport aérien tel que 176-12345675</translation>
    </message>
    <message>
        <source>expected an SSCC of 18 digits</source>
        <translation>attendu : un SSCC de 18 chiffres</translation>
    </message>
    <message>
        <source>expected a GTIN of 8, 12, 13 or 14 digits</source>
        <translation>attendu : un GTIN de 8, 12, 13 ou 14 chiffres</translation>
    </message>
    <message>
        <source>expected an EPC of 24 hex characters</source>
        <translation>attendu : un EPC de 24 caractères hexadécimaux</translation>
    </message>
    <message>
        <source>expected a seal number such as SL 0012345</source>
        <translation>attendu : un numéro de scellé tel que SL 0012345</translation>
    </message>
    <message>
        <source>EPC header is {header}, an SGTIN-96 has 0x30</source>
        <translation>en-tête EPC {header}, un SGTIN-96 a 0x30</translation>
    </message>
    <message>
        <source>SGTIN-96 partition is {partition}, allowed are 0 to 6</source>
        <translation>partition SGTIN-96 {partition}, valeurs admises de 0 à 6</translation>
    </message>
    <message>
        <source>SGTIN-96 company prefix or item reference has too many digits</source>
        <translation>le préfixe d&apos;entreprise ou la référence d&apos;article SGTIN-96 a trop de chiffres</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>Utilisateur inconnu.</translation>
    </message>
    <message>
        <source>This user is disabled. Ask a supervisor.</source>
        <translation>Cet utilisateur est désactivé. Adressez-vous à un superviseur.</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Connecté en tant que {name}.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left.</source>
        <translation>Code PIN erroné. Encore 1 essai.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left.</source>
        <translation>Code PIN erroné. Encore {count} essais.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left. Wait {wait} s before trying again.</source>
        <translation>Code PIN erroné. Encore 1 essai. Attendez {wait} s avant de réessayer.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left. Wait {wait} s before trying again.</source>
        <translation>Code PIN erroné. Encore {count} essais. Attendez {wait} s avant de réessayer.</translation>
    </message>
    <message>
        <source>Wait {wait} s before trying again.</source>
        <translation>Attendez {wait} s avant de réessayer.</translation>
    </message>
    <message>
        <source>Locked for {wait} s after {count} wrong PINs.</source>
        <translation>Verrouillé pendant {wait} s après {count} codes PIN erronés.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Verrouillé.</translation>
    </message>
    <message>
        <source>This badge has been revoked and cannot sign in. Hand it to a supervisor; choose your name to sign in with your PIN.</source>
        <translation>Ce badge a été révoqué et ne permet pas de se connecter. Remettez-le à un superviseur ; choisissez votre nom pour vous connecter avec votre code PIN.</translation>
    </message>
    <message>
        <source>This badge is not known at this kiosk. Choose your name to sign in with your PIN.</source>
        <translation>Ce badge n&apos;est pas connu de cette borne. Choisissez votre nom pour vous connecter avec votre code PIN.</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot sign in. Ask a supervisor.</source>
        <translation>{name} est désactivé(e) et ne peut pas se connecter. Adressez-vous à un superviseur.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Type an identifier first.</source>
        <translation>Saisissez d&apos;abord un identifiant.</translation>
    </message>
    <message>
        <source>{value}: {known}</source>
        <translation>{value} : {known}</translation>
    </message>
    <message>
        <source>There is no slip to print yet: check the parcel first.</source>
        <translation>Il n&apos;y a pas encore de bordereau à imprimer : contrôlez d&apos;abord le colis.</translation>
    </message>
    <message>
        <source>The slip has not been printed yet: press Print slip.</source>
        <translation>Le bordereau n&apos;a pas encore été imprimé : appuyez sur Imprimer le bordereau.</translation>
    </message>
    <message>
        <source>Type or scan the new seal&apos;s number first.</source>
        <translation>Saisissez ou scannez d&apos;abord le numéro du nouveau scellé.</translation>
    </message>
    <message>
        <source>There is no inspection to override.</source>
        <translation>Il n&apos;y a pas de contrôle à lever.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Écrivez pourquoi la retenue est levée : un motif écrit est obligatoire.</translation>
    </message>
    <message>
        <source>This parcel&apos;s verdict has already been overridden.</source>
        <translation>La décision sur ce colis a déjà été levée.</translation>
    </message>
    <message>
        <source>There is no verdict to override: check the parcel first.</source>
        <translation>Il n&apos;y a pas de décision à lever : contrôlez d&apos;abord le colis.</translation>
    </message>
    <message>
        <source>Override refused: {name} is not an active supervisor.</source>
        <translation>Levée refusée : {name} n&apos;est pas un superviseur actif.</translation>
    </message>
    <message>
        <source>Override refused: unknown user {name}.</source>
        <translation>Levée refusée : utilisateur inconnu {name}.</translation>
    </message>
    <message>
        <source>Override refused: {message}.</source>
        <translation>Levée refusée : {message}.</translation>
    </message>
    <message>
        <source>no override policy is in force on {date}</source>
        <translation>aucune règle de levée n&apos;est en vigueur le {date}</translation>
    </message>
    <message>
        <source>a {outcome} verdict cannot be overridden (only {allowed}; {legal_basis})</source>
        <translation>une décision {outcome} ne peut pas être levée (seulement {allowed} ; {legal_basis})</translation>
    </message>
    <message>
        <source>rule {rules} can never be overridden ({legal_basis})</source>
        <translation>la règle {rules} ne peut jamais être levée ({legal_basis})</translation>
    </message>
    <message>
        <source>a supervisor must sign in to override</source>
        <translation>un superviseur doit se connecter pour lever la décision</translation>
    </message>
    <message>
        <source>the supervisor must be a different person from the inspector</source>
        <translation>le superviseur doit être une autre personne que l&apos;inspecteur</translation>
    </message>
    <message>
        <source>This parcel has no verdict yet: press Check now first, then Next parcel.</source>
        <translation>Ce colis n&apos;a pas encore de décision : appuyez d&apos;abord sur Contrôler, puis sur Colis suivant.</translation>
    </message>
    <message>
        <source>Declaration {reference} is on file for this parcel: it is used instead of a typed one.</source>
        <translation>La déclaration {reference} est enregistrée pour ce colis : elle est utilisée au lieu d&apos;une déclaration saisie.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>La base de données n&apos;est pas ouverte.</translation>
    </message>
    <message>
        <source>The checks are not ready: the rule set did not load.</source>
        <translation>Les contrôles ne sont pas prêts : le jeu de règles n&apos;a pas été chargé.</translation>
    </message>
    <message>
        <source>No inspection is open: sign in first.</source>
        <translation>Aucun contrôle n&apos;est ouvert : connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>This parcel&apos;s slip is printed: press Next parcel to start a new inspection.</source>
        <translation>Le bordereau de ce colis est imprimé : appuyez sur Colis suivant pour commencer un nouveau contrôle.</translation>
    </message>
    <message>
        <source>The database is taking long to open; please wait.</source>
        <translation>L&apos;ouverture de la base de données prend du temps ; veuillez patienter.</translation>
    </message>
    <message>
        <source>The new reference data cannot be used: {message}</source>
        <translation>Les nouvelles données de référence ne peuvent pas être utilisées : {message}</translation>
    </message>
    <message>
        <source>The database cannot be used: {message}</source>
        <translation>La base de données est inutilisable : {message}</translation>
    </message>
    <message>
        <source>The database cannot be opened: {message}</source>
        <translation>La base de données ne peut pas être ouverte : {message}</translation>
    </message>
    <message>
        <source>The rule set is not valid: {message}</source>
        <translation>Le jeu de règles n&apos;est pas valide : {message}</translation>
    </message>
    <message>
        <source>A file could not be written: {message}</source>
        <translation>Un fichier n&apos;a pas pu être écrit : {message}</translation>
    </message>
    <message>
        <source>Unexpected error ({type}): {message}</source>
        <translation>Erreur inattendue ({type}) : {message}</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is not connected.</source>
        <translation>Échec de la lecture de la balance : la balance n&apos;est pas connectée.</translation>
    </message>
    <message>
        <source>Scale zero failed: the scale is not connected.</source>
        <translation>Échec de la remise à zéro : la balance n&apos;est pas connectée.</translation>
    </message>
    <message>
        <source>Scale tare failed: the scale is not connected.</source>
        <translation>Échec de la tare : la balance n&apos;est pas connectée.</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is off in the settings.</source>
        <translation>Échec de la lecture de la balance : la balance est désactivée dans les paramètres.</translation>
    </message>
    <message>
        <source>Scale read failed: {message}</source>
        <translation>Échec de la lecture de la balance : {message}</translation>
    </message>
    <message>
        <source>Scale zero failed: {message}</source>
        <translation>Échec de la remise à zéro : {message}</translation>
    </message>
    <message>
        <source>Scale tare failed: {message}</source>
        <translation>Échec de la tare : {message}</translation>
    </message>
    <message>
        <source>No photo: the camera is switched off in the settings.</source>
        <translation>Pas de photo : la caméra est désactivée dans les paramètres.</translation>
    </message>
    <message>
        <source>No photo: {path}: {message}</source>
        <translation>Pas de photo : {path} : {message}</translation>
    </message>
    <message>
        <source>Test slips cannot be rendered here.</source>
        <translation>Les bordereaux de test ne peuvent pas être générés ici.</translation>
    </message>
    <message>
        <source>No printer is configured.</source>
        <translation>Aucune imprimante n&apos;est configurée.</translation>
    </message>
    <message>
        <source>No printer is set up.</source>
        <translation>Aucune imprimante n&apos;est installée.</translation>
    </message>
    <message>
        <source>A slip is being printed: wait for it, then try again.</source>
        <translation>Un bordereau est en cours d&apos;impression : attendez la fin, puis réessayez.</translation>
    </message>
    <message>
        <source>Printing failed: {message}</source>
        <translation>Échec de l&apos;impression : {message}</translation>
    </message>
    <message>
        <source>Port detection is not available while stopping.</source>
        <translation>La détection des ports n&apos;est pas disponible pendant l&apos;arrêt.</translation>
    </message>
    <message>
        <source>Port detection failed: {message}</source>
        <translation>Échec de la détection des ports : {message}</translation>
    </message>
    <message>
        <source>disabled in the settings</source>
        <translation>désactivé dans les paramètres</translation>
    </message>
    <message>
        <source>sync failed: {message}</source>
        <translation>échec de la synchronisation : {message}</translation>
    </message>
    <message>
        <source>data: {message}; records: {message_records}</source>
        <translation>données : {message} ; enregistrements : {message_records}</translation>
    </message>
    <message>
        <source>records: {message}</source>
        <translation>enregistrements : {message}</translation>
    </message>
    <message>
        <source>{message}; kept bundle {version}</source>
        <translation>{message} ; paquet {version} conservé</translation>
    </message>
    <message>
        <source>data update failed: {message}</source>
        <translation>échec de la mise à jour des données : {message}</translation>
    </message>
    <message>
        <source>records not sent: {message}</source>
        <translation>enregistrements non envoyés : {message}</translation>
    </message>
    <message>
        <source>hub unreachable at {where}: {reason}</source>
        <translation>hub injoignable à {where} : {reason}</translation>
    </message>
    <message>
        <source>the hub refused this kiosk&apos;s token ({detail})</source>
        <translation>le hub a refusé le jeton de cette borne ({detail})</translation>
    </message>
    <message>
        <source>the hub answered {code} ({detail})</source>
        <translation>le hub a répondu {code} ({detail})</translation>
    </message>
    <message>
        <source>the hub refused {inspection}: {detail}</source>
        <translation>le hub a refusé {inspection} : {detail}</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not JSON</source>
        <translation>la réponse du hub n&apos;est pas du JSON</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not a JSON object</source>
        <translation>la réponse du hub n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the hub&apos;s answer has no results</source>
        <translation>la réponse du hub ne contient aucun résultat</translation>
    </message>
    <message>
        <source>{sent} sent, {failed} failed, {waiting} waiting: {message}</source>
        <translation>{sent} envoyés, {failed} en échec, {waiting} en attente : {message}</translation>
    </message>
    <message>
        <source>1 record sent, {waiting} waiting</source>
        <translation>1 enregistrement envoyé, {waiting} en attente</translation>
    </message>
    <message>
        <source>{sent} records sent, {waiting} waiting</source>
        <translation>{sent} enregistrements envoyés, {waiting} en attente</translation>
    </message>
    <message>
        <source>nothing due, {waiting} waiting</source>
        <translation>rien à envoyer, {waiting} en attente</translation>
    </message>
    <message>
        <source>all records sent</source>
        <translation>tous les enregistrements envoyés</translation>
    </message>
    <message>
        <source>Data up to date (bundle {version}).</source>
        <translation>Données à jour (paquet {version}).</translation>
    </message>
    <message>
        <source>Data updated to bundle {version}.</source>
        <translation>Données mises à jour au paquet {version}.</translation>
    </message>
    <message>
        <source>No pinned TUF root configured ([sync] tuf_root)</source>
        <translation>Aucune racine TUF épinglée configurée ([sync] tuf_root)</translation>
    </message>
    <message>
        <source>Hub data has expired ({detail})</source>
        <translation>Les données du hub ont expiré ({detail})</translation>
    </message>
    <message>
        <source>Hub data is older than data already seen ({detail})</source>
        <translation>Les données du hub sont plus anciennes que des données déjà vues ({detail})</translation>
    </message>
    <message>
        <source>Hub data is not signed by trusted keys ({detail})</source>
        <translation>Les données du hub ne sont pas signées par des clés de confiance ({detail})</translation>
    </message>
    <message>
        <source>Data bundle does not match its signature ({detail})</source>
        <translation>Le paquet de données ne correspond pas à sa signature ({detail})</translation>
    </message>
    <message>
        <source>Hub data rejected ({detail})</source>
        <translation>Données du hub rejetées ({detail})</translation>
    </message>
    <message>
        <source>Hub not reached or download cut off ({detail})</source>
        <translation>Hub non joint ou téléchargement interrompu ({detail})</translation>
    </message>
    <message>
        <source>Data bundle unreadable: {detail}</source>
        <translation>Paquet de données illisible : {detail}</translation>
    </message>
    <message>
        <source>Data bundle refused: {detail}</source>
        <translation>Paquet de données refusé : {detail}</translation>
    </message>
    <message>
        <source>Data bundle not applied: {detail}</source>
        <translation>Paquet de données non appliqué : {detail}</translation>
    </message>
    <message>
        <source>Data update failed: {detail}</source>
        <translation>Échec de la mise à jour des données : {detail}</translation>
    </message>
    <message>
        <source>Data update failed unexpectedly: {detail}</source>
        <translation>Échec inattendu de la mise à jour des données : {detail}</translation>
    </message>
    <message>
        <source>The hub publishes no data bundle</source>
        <translation>Le hub ne publie aucun paquet de données</translation>
    </message>
    <message>
        <source>The hub&apos;s bundle carries no version</source>
        <translation>Le paquet du hub ne porte pas de version</translation>
    </message>
    <message>
        <source>Hub offers bundle {offered}, not newer than bundle {version} in use (rollback refused)</source>
        <translation>Le hub propose le paquet {offered}, pas plus récent que le paquet {version} utilisé (retour en arrière refusé)</translation>
    </message>
    <message>
        <source>Bundle says version {version}, its signature says {offered}</source>
        <translation>Le paquet indique la version {version}, sa signature {offered}</translation>
    </message>
    <message>
        <source>line scanner</source>
        <translation>lecteur linéaire</translation>
    </message>
    <message>
        <source>test pattern</source>
        <translation>mire de test</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Sign out (Alt+0); the parcel under way is kept</source>
        <translation>Se déconnecter (Alt+0) ; le colis en cours est conservé</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock the screen now (Alt+L); the parcel is kept</source>
        <translation>Verrouiller l&apos;écran maintenant (Alt+L) ; le colis est conservé</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
</context>
<context>
    <name>OverrideScreen</name>
    <message>
        <source>Missing documents produced</source>
        <translation>Documents manquants produits</translation>
    </message>
    <message>
        <source>Weighing error explained</source>
        <translation>Erreur de pesée expliquée</translation>
    </message>
    <message>
        <source>Seal difference explained</source>
        <translation>Différence de scellés expliquée</translation>
    </message>
    <message>
        <source>Reference data out of date</source>
        <translation>Données de référence périmées</translation>
    </message>
    <message>
        <source>Other (explain below)</source>
        <translation>Autre (expliquez ci-dessous)</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Levée par un superviseur</translation>
    </message>
    <message>
        <source>Supervisor override of a %1 — parcel %2</source>
        <translation>Levée par un superviseur : %1 — colis %2</translation>
    </message>
    <message>
        <source>Why the parcel is held</source>
        <translation>Pourquoi le colis est retenu</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>No other supervisor is set up on this kiosk: the hold cannot be lifted here.</source>
        <translation>Aucun autre superviseur n&apos;est configuré sur cette borne : la retenue ne peut pas être levée ici.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted (required)</source>
        <translation>Écrivez pourquoi la retenue est levée (obligatoire)</translation>
    </message>
    <message>
        <source>Written reason</source>
        <translation>Motif écrit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Confirm override</source>
        <translation>Confirmer la levée</translation>
    </message>
    <message>
        <source>Choose the supervisor first.</source>
        <translation>Choisissez d&apos;abord le superviseur.</translation>
    </message>
    <message>
        <source>The supervisor types their PIN on the pad.</source>
        <translation>Le superviseur saisit son code PIN sur le pavé.</translation>
    </message>
    <message>
        <source>Choose a reason code.</source>
        <translation>Choisissez un code de motif.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Écrivez pourquoi la retenue est levée : un motif écrit est obligatoire.</translation>
    </message>
    <message>
        <source>Choose the supervisor</source>
        <translation>Choisissez le superviseur</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>Code PIN de %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN digits entered</source>
        <translation>Chiffres du code PIN saisis</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>ReasonList</name>
    <message>
        <source>The reasons for the verdict will be listed here.</source>
        <translation>Les motifs de la décision seront listés ici.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>OK: all checks passed</source>
        <translation>OK : tous les contrôles sont réussis</translation>
    </message>
    <message>
        <source>CN {cn_code} is outside Annex XXXVIIIA: Article 3p does not apply (TARIC Y872); Kimberley Process checks still apply</source>
        <translation>NC {cn_code} hors de l&apos;annexe XXXVIII bis : l&apos;article 3 quaterdecies ne s&apos;applique pas (TARIC Y872) ; les contrôles du processus de Kimberley restent applicables</translation>
    </message>
    <message>
        <source>Russian diamonds are banned: {evidence}</source>
        <translation>Les diamants russes sont interdits : {evidence}</translation>
    </message>
    <message>
        <source>Cut in {processed_in} from {origins} diamonds with stones of {threshold} or more: {evidence}</source>
        <translation>Taillés en {processed_in} à partir de diamants de {origins} avec des pierres de {threshold} ou plus : {evidence}</translation>
    </message>
    <message>
        <source>Stone sizes not evidenced for the per-stone limit of {threshold}: {problem}</source>
        <translation>Tailles des pierres non prouvées pour la limite par pierre de {threshold} : {problem}</translation>
    </message>
    <message>
        <source>Jewellery made in {processed_in} with {origins} diamonds</source>
        <translation>Bijoux fabriqués en {processed_in} avec des diamants de {origins}</translation>
    </message>
    <message>
        <source>No G7 certificate or traceability evidence for stones of {threshold} or more (sunrise period ended {sunrise_end})</source>
        <translation>Pas de certificat G7 ni de preuve de traçabilité pour des pierres de {threshold} ou plus (période transitoire terminée le {sunrise_end})</translation>
    </message>
    <message>
        <source>KP certificate {kp_number}: {problem}</source>
        <translation>Certificat PK {kp_number} : {problem}</translation>
    </message>
    <message>
        <source>Seals: {problem} (documents: {declared}; scanned: {scanned})</source>
        <translation>Scellés : {problem} (documents : {declared} ; scannés : {scanned})</translation>
    </message>
    <message>
        <source>Mixed KP certificate {kp_number} does not name every mining country ({origins}) and the goods are not G7-verified</source>
        <translation>Le certificat PK mixte {kp_number} ne nomme pas chaque pays d&apos;extraction ({origins}) et les marchandises ne sont pas vérifiées G7</translation>
    </message>
    <message>
        <source>{problem}: {found} against {expected} (difference {difference}, tolerance {tolerance})</source>
        <translation>{problem} : {found} contre {expected} (écart {difference}, tolérance {tolerance})</translation>
    </message>
    <message>
        <source>Sanctioned party: {explanation}; freeze and escalate</source>
        <translation>Partie sanctionnée : {explanation} ; geler et faire remonter</translation>
    </message>
    <message>
        <source>Personal-use exemption (traveller&apos;s own jewellery, not for sale): {status}</source>
        <translation>Exemption pour usage personnel (bijoux propres du voyageur, pas destinés à la vente) : {status}</translation>
    </message>
    <message>
        <source>Grandfathering (goods outside Russia before {ban_date}), evidence &quot;{evidence}&quot;: {status}</source>
        <translation>Clause d&apos;antériorité (marchandises hors de Russie avant le {ban_date}), preuve « {evidence} » : {status}</translation>
    </message>
    <message>
        <source>Temporary import for a fair or repair ({evidence}), re-export to be controlled: {status}</source>
        <translation>Importation temporaire pour une foire ou une réparation ({evidence}), réexportation à contrôler : {status}</translation>
    </message>
    <message>
        <source>Article 3p(7) authorisation {evidence}: {status}</source>
        <translation>Autorisation au titre de l&apos;article 3 quaterdecies, paragraphe 7, {evidence} : {status}</translation>
    </message>
    <message>
        <source>Declared KP transit (seals {evidence}), no KP import check: {status}</source>
        <translation>Transit PK déclaré (scellés {evidence}), pas de contrôle PK à l&apos;importation : {status}</translation>
    </message>
    <message>
        <source>A supervisor may override a HOLD only</source>
        <translation>Un superviseur ne peut lever qu&apos;une retenue</translation>
    </message>
    <message>
        <source>No stable weight reading ({state})</source>
        <translation>Pas de pesée stable ({state})</translation>
    </message>
    <message>
        <source>No photo of the opened parcel</source>
        <translation>Pas de photo du colis ouvert</translation>
    </message>
    <message>
        <source>Reference data (sanctions lists, certificate registers, rules) are out of date: {why}</source>
        <translation>Les données de référence (listes de sanctions, registres de certificats, règles) sont périmées : {why}</translation>
    </message>
    <message>
        <source>No declaration found for the parcel (identifiers: {identifiers})</source>
        <translation>Aucune déclaration trouvée pour le colis (identifiants : {identifiers})</translation>
    </message>
    <message>
        <source>{kind} certificate {number} already used at {post} on {date} (inspection {inspection})</source>
        <translation>Certificat {kind} {number} déjà utilisé au poste {post} le {date} (contrôle {inspection})</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>no evidence given</source>
        <translation>aucune preuve fournie</translation>
    </message>
    <message>
        <source>no KP certificate was presented</source>
        <translation>aucun certificat PK n&apos;a été présenté</translation>
    </message>
    <message>
        <source>not a KP certificate number</source>
        <translation>pas un numéro de certificat PK</translation>
    </message>
    <message>
        <source>not in the KP certificate register</source>
        <translation>absent du registre des certificats PK</translation>
    </message>
    <message>
        <source>the documents give no seal number</source>
        <translation>les documents ne donnent aucun numéro de scellé</translation>
    </message>
    <message>
        <source>no seal was scanned</source>
        <translation>aucun scellé n&apos;a été scanné</translation>
    </message>
    <message>
        <source>weight differs from the KP certificate</source>
        <translation>le poids diffère du certificat PK</translation>
    </message>
    <message>
        <source>weight differs from the declaration</source>
        <translation>le poids diffère de la déclaration</translation>
    </message>
    <message>
        <source>declared carats differ from the KP certificate</source>
        <translation>les carats déclarés diffèrent du certificat PK</translation>
    </message>
    <message>
        <source>parcel count differs from the KP certificate</source>
        <translation>le nombre de colis diffère du certificat PK</translation>
    </message>
    <message>
        <source>no authorisation number given</source>
        <translation>aucun numéro d&apos;autorisation fourni</translation>
    </message>
    <message>
        <source>not in the register of authorisations</source>
        <translation>absente du registre des autorisations</translation>
    </message>
    <message>
        <source>no stone sizes declared (packing list), so no stone is shown to be below it</source>
        <translation>aucune taille de pierre déclarée (liste de colisage) : aucune pierre n&apos;est prouvée en dessous</translation>
    </message>
    <message>
        <source>the documents give no seal number, so the container cannot be shown intact</source>
        <translation>les documents ne donnent aucun numéro de scellé : l&apos;intégrité du conteneur ne peut être prouvée</translation>
    </message>
    <message>
        <source>the seals on the container do not match the documents</source>
        <translation>les scellés du conteneur ne correspondent pas aux documents</translation>
    </message>
    <message>
        <source>the evidence must start with the date the goods were outside Russia (YYYY-MM-DD)</source>
        <translation>la preuve doit commencer par la date à laquelle les marchandises étaient hors de Russie (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>aucune pesée</translation>
    </message>
    <message>
        <source>no reference data loaded</source>
        <translation>aucune donnée de référence chargée</translation>
    </message>
    <message>
        <source>no current reference data</source>
        <translation>pas de données de référence à jour</translation>
    </message>
    <message>
        <source>exporter</source>
        <translation>exportateur</translation>
    </message>
    <message>
        <source>importer</source>
        <translation>importateur</translation>
    </message>
    <message>
        <source>KP exporter</source>
        <translation>exportateur PK</translation>
    </message>
    <message>
        <source>KP importer</source>
        <translation>importateur PK</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>expiré le %1</translation>
    </message>
    <message>
        <source>issued on %1, after the inspection date</source>
        <translation>délivré le %1, après la date du contrôle</translation>
    </message>
    <message>
        <source>issuer %1 is not a KP participant</source>
        <translation>l&apos;émetteur %1 n&apos;est pas participant au PK</translation>
    </message>
    <message>
        <source>number prefix %1 is not the issuing country %2</source>
        <translation>le préfixe du numéro %1 n&apos;est pas le pays de délivrance %2</translation>
    </message>
    <message>
        <source>the declaration names certificate %1</source>
        <translation>la déclaration mentionne le certificat %1</translation>
    </message>
    <message>
        <source>seal %1 not found on the parcel</source>
        <translation>scellé %1 introuvable sur le colis</translation>
    </message>
    <message>
        <source>seal %1 is not in the documents</source>
        <translation>le scellé %1 ne figure pas dans les documents</translation>
    </message>
    <message>
        <source>not available for CN %1</source>
        <translation>non disponible pour la NC %1</translation>
    </message>
    <message>
        <source>evidence dated %1 does not predate %2</source>
        <translation>la preuve datée du %1 n&apos;est pas antérieure au %2</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 colis</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>the hub&apos;s signed data (bundle %1) expired on %2 UTC</source>
        <translation>les données signées du hub (paquet %1) ont expiré le %2 UTC</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (bundle %2 published %3 UTC)</source>
        <translation>données de la borne plus anciennes que %1 h (paquet %2 publié le %3 UTC)</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (loaded %2 UTC)</source>
        <translation>données de la borne plus anciennes que %1 h (chargées le %2 UTC)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its alias &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 « %2 » correspond à %3, inscription %4 « %5 », par son alias « %6 » (tous deux lus « %7 »)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its listed name &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 « %2 » correspond à %3, inscription %4 « %5 », par son nom inscrit « %6 » (tous deux lus « %7 »)</translation>
    </message>
    <message>
        <source>%1 stones may reach it and their origin is not evidenced</source>
        <translation>%1 pierres peuvent l&apos;atteindre et leur origine n&apos;est pas prouvée</translation>
    </message>
    <message>
        <source>band %1 stones of %2 and up cannot weigh %3</source>
        <translation>la classe %1 pierres de %2 et plus ne peut pas peser %3</translation>
    </message>
    <message>
        <source>band %1 stones of %2 to under %3 cannot weigh %4</source>
        <translation>la classe %1 pierres de %2 à moins de %3 ne peut pas peser %4</translation>
    </message>
    <message>
        <source>stone bands add up to %1, declared %2</source>
        <translation>les classes de taille totalisent %1, déclaré %2</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (at least %4)</source>
        <translation>mesuré %1 (en moyenne %2 par pierre) ne peut pas correspondre à %3 pierres des tailles déclarées (au moins %4)</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (%4-%5 ct)</source>
        <translation>mesuré %1 (en moyenne %2 par pierre) ne peut pas correspondre à %3 pierres des tailles déclarées (%4-%5 ct)</translation>
    </message>
    <message>
        <source>mining origin %1</source>
        <translation>origine minière %1</translation>
    </message>
    <message>
        <source>processed in %1</source>
        <translation>transformé en %1</translation>
    </message>
    <message>
        <source>exported from %1</source>
        <translation>exporté de %1</translation>
    </message>
    <message>
        <source>transited %1</source>
        <translation>transit par %1</translation>
    </message>
    <message>
        <source>KP certificate issued by %1</source>
        <translation>certificat PK délivré par %1</translation>
    </message>
    <message>
        <source>KP provenance %1</source>
        <translation>provenance PK %1</translation>
    </message>
    <message>
        <source>KP origin %1</source>
        <translation>origine PK %1</translation>
    </message>
    <message>
        <source>KP certificate number %1</source>
        <translation>numéro de certificat PK %1</translation>
    </message>
    <message>
        <source>refused, %1</source>
        <translation>refusée, %1</translation>
    </message>
</context>
<context>
    <name>SealsPanel</name>
    <message>
        <source>Declared: {seals}</source>
        <translation>Déclarés : {seals}</translation>
    </message>
    <message>
        <source>No seal declared</source>
        <translation>Aucun scellé déclaré</translation>
    </message>
    <message>
        <source>none scanned</source>
        <translation>aucun scanné</translation>
    </message>
    <message>
        <source>{seal} (none declared)</source>
        <translation>{seal} (aucun déclaré)</translation>
    </message>
    <message>
        <source>{seal} ✔ declared</source>
        <translation>{seal} ✔ déclaré</translation>
    </message>
    <message>
        <source>{seal} ✖ not declared</source>
        <translation>{seal} ✖ non déclaré</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Scellés</translation>
    </message>
    <message>
        <source>Old seal:</source>
        <translation>Ancien scellé :</translation>
    </message>
    <message>
        <source>New seal applied after the inspection</source>
        <translation>Nouveau scellé apposé après le contrôle</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apposer</translation>
    </message>
    <message>
        <source>New seal ✔</source>
        <translation>Nouveau scellé ✔</translation>
    </message>
    <message>
        <source>New seal</source>
        <translation>Nouveau scellé</translation>
    </message>
    <message>
        <source>Recorded: {seal}</source>
        <translation>Enregistré : {seal}</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>inspector</source>
        <translation>inspecteur</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <source>Badge read: PIN for %1</source>
        <translation>Badge lu : code PIN de %1</translation>
    </message>
    <message>
        <source>◔ Wait %1 s before the next try.</source>
        <translation>◔ Attendez %1 s avant le prochain essai.</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Écran verrouillé</translation>
    </message>
    <message>
        <source>Inspection Kiosk — sign in</source>
        <translation>Borne d&apos;inspection — connexion</translation>
    </message>
    <message>
        <source>%1&apos;s parcel %2 is kept as it is. %1 or a supervisor types the PIN to go on; anyone else chooses their name and takes the parcel over.</source>
        <translation>Le colis %2 de %1 est conservé tel quel. %1 ou un superviseur saisit le code PIN pour continuer ; toute autre personne choisit son nom et reprend le colis.</translation>
    </message>
    <message>
        <source>%1&apos;s session is locked. %1 or a supervisor types the PIN to go on; anyone else chooses their name to sign in.</source>
        <translation>La session de %1 est verrouillée. %1 ou un superviseur saisit le code PIN pour continuer ; toute autre personne choisit son nom pour se connecter.</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>No users are set up on this kiosk. Ask the technician.</source>
        <translation>Aucun utilisateur n&apos;est configuré sur cette borne. Demandez au technicien.</translation>
    </message>
    <message>
        <source>Present your badge or choose your name</source>
        <translation>Présentez votre badge ou choisissez votre nom</translation>
    </message>
    <message>
        <source>PIN digits entered</source>
        <translation>Chiffres du code PIN saisis</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Choisissez d&apos;abord votre nom.</translation>
    </message>
    <message>
        <source>Type your PIN, then press OK.</source>
        <translation>Saisissez votre code PIN, puis appuyez sur OK.</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>Code PIN de %1</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <source>Simulated devices</source>
        <translation>Appareils simulés</translation>
    </message>
    <message>
        <source>present a sample parcel:</source>
        <translation>présentez un colis d&apos;exemple :</translation>
    </message>
    <message>
        <source>Present %1</source>
        <translation>Présenter %1</translation>
    </message>
    <message>
        <source>Code to scan, e.g. BW2026004417</source>
        <translation>Code à scanner, p. ex. BW2026004417</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Weight in ct, e.g. 512.450</source>
        <translation>Poids en ct, p. ex. 512,450</translation>
    </message>
    <message>
        <source>Put on scale</source>
        <translation>Poser sur la balance</translation>
    </message>
    <message>
        <source>Empty scale</source>
        <translation>Vider la balance</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Scale</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimante</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>occupé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>impression</translation>
    </message>
    <message>
        <source>off</source>
        <translation>éteint</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>inspecteur</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>superviseur</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technicien</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>No reference data</source>
        <translation>Aucune donnée de référence</translation>
    </message>
    <message>
        <source>No sanctions lists or certificate register loaded</source>
        <translation>Aucune liste de sanctions ni registre de certificats chargé</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>PÉRIMÉES</translation>
    </message>
    <message>
        <source>update due</source>
        <translation>mise à jour due</translation>
    </message>
    <message>
        <source>Published %1, loaded %2</source>
        <translation>Publiées le %1, chargées le %2</translation>
    </message>
    <message>
        <source>older than the limit: no parcel is cleared on it alone</source>
        <translation>plus anciennes que la limite : aucun colis n&apos;est libéré sur leur seule base</translation>
    </message>
    <message>
        <source>No report from the device yet</source>
        <translation>Aucun rapport de l&apos;appareil pour l&apos;instant</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
</context>
<context>
    <name>StepStrip</name>
    <message>
        <source>Identify</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>Peser</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Sign in to start a parcel</source>
        <translation>Connectez-vous pour commencer un colis</translation>
    </message>
    <message>
        <source>Scan the KP certificate</source>
        <translation>Scannez le certificat PK</translation>
    </message>
    <message>
        <source>Place the parcel on the scale</source>
        <translation>Posez le colis sur la balance</translation>
    </message>
    <message>
        <source>Hold the parcel under the camera</source>
        <translation>Tenez le colis sous la caméra</translation>
    </message>
    <message>
        <source>Scan the MRN or type the declaration</source>
        <translation>Scannez le MRN ou saisissez la déclaration</translation>
    </message>
    <message>
        <source>Press Check now</source>
        <translation>Appuyez sur Contrôler</translation>
    </message>
    <message>
        <source>Slip printed: press Next parcel</source>
        <translation>Bordereau imprimé : appuyez sur Colis suivant</translation>
    </message>
    <message>
        <source>Print the slip or call a supervisor</source>
        <translation>Imprimez le bordereau ou appelez un superviseur</translation>
    </message>
    <message>
        <source>Keep the parcel; print the slip</source>
        <translation>Retenez le colis ; imprimez le bordereau</translation>
    </message>
    <message>
        <source>Apply the new seal, then print the slip</source>
        <translation>Apposez le nouveau scellé, puis imprimez le bordereau</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>to do next</source>
        <translation>à faire ensuite</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Étape suivante : {step}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Fetch data updates and send waiting records now</source>
        <translation>Récupérer les mises à jour et envoyer maintenant les enregistrements en attente</translation>
    </message>
    <message>
        <source>Data in use</source>
        <translation>Données utilisées</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Records to send</source>
        <translation>Enregistrements à envoyer</translation>
    </message>
    <message>
        <source>Sync started…</source>
        <translation>Synchro lancée…</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>the sample data set</source>
        <translation>l&apos;ensemble de données d&apos;exemple</translation>
    </message>
    <message>
        <source>the local database</source>
        <translation>la base de données locale</translation>
    </message>
    <message>
        <source>No hub configured — data from %1</source>
        <translation>Aucun hub configuré — données de %1</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchronisation avec %1…</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub : %1</translation>
    </message>
    <message>
        <source>✖ No reference data loaded</source>
        <translation>✖ Aucune donnée de référence chargée</translation>
    </message>
    <message>
        <source>Version %1, published %2</source>
        <translation>Version %1, publiée le %2</translation>
    </message>
    <message>
        <source>STALE: no parcel is cleared on it</source>
        <translation>PÉRIMÉES : aucun colis n&apos;est libéré sur cette base</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>Sync is off at this post.</source>
        <translation>La synchro est désactivée à ce poste.</translation>
    </message>
    <message>
        <source>○ Not synced yet</source>
        <translation>○ Pas encore synchronisé</translation>
    </message>
    <message>
        <source>✖ Failed: %1</source>
        <translation>✖ Échec : %1</translation>
    </message>
    <message>
        <source>✖ AUDIT BREAK: the hub found this kiosk&apos;s audit trail changed (%1). Tell a supervisor.</source>
        <translation>✖ RUPTURE D&apos;AUDIT : le hub a constaté que la piste d&apos;audit de cette borne a été modifiée (%1). Prévenez un superviseur.</translation>
    </message>
    <message>
        <source>● OK</source>
        <translation>● OK</translation>
    </message>
    <message>
        <source>KP certificates</source>
        <translation>Certificats PK</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>Déclarations</translation>
    </message>
    <message>
        <source>Sanctioned parties</source>
        <translation>Parties sanctionnées</translation>
    </message>
    <message>
        <source>KP participants</source>
        <translation>Participants au PK</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Dernière tentative : %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Dernier succès : %1</translation>
    </message>
    <message>
        <source>%1 record(s) waiting for the hub</source>
        <translation>%1 enregistrement(s) en attente du hub</translation>
    </message>
    <message>
        <source>%1 failed at the last attempt</source>
        <translation>%1 en échec à la dernière tentative</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>No sources listed.</source>
        <translation>Aucune source listée.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Verdict: %1</source>
        <translation>Décision : %1</translation>
    </message>
</context>
<context>
    <name>WeightDisplay</name>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>Stabilité</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Déclaré</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>Cert. PK</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>Aucune pesée</translation>
    </message>
    <message>
        <source>{weight} at {time}</source>
        <translation>{weight} à {time}</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Pas encore enregistré</translation>
    </message>
    <message>
        <source>⚠ outside tolerance</source>
        <translation>⚠ hors tolérance</translation>
    </message>
    <message>
        <source>✔ within tolerance</source>
        <translation>✔ dans la tolérance</translation>
    </message>
    <message>
        <source>Tolerance ±{limit} ct</source>
        <translation>Tolérance ±{limit} ct</translation>
    </message>
</context>
</TS>
