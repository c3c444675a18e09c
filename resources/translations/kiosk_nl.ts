<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE">
<context>
    <name>CameraView</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Camera disconnected</source>
        <translation>Camera niet verbonden</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Wacht op de camera…</translation>
    </message>
</context>
<context>
    <name>DeclarationForm</name>
    <message>
        <source>{field}: give at least one country code</source>
        <translation>{field}: geef minstens één landcode</translation>
    </message>
    <message>
        <source>{field}: {code} is not a two-letter country code (e.g. BW)</source>
        <translation>{field}: {code} is geen landcode van twee letters (bv. BW)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a weight in carats</source>
        <translation>{field}: {text} is geen gewicht in karaat</translation>
    </message>
    <message>
        <source>{field}: the weight must be more than 0 ct</source>
        <translation>{field}: het gewicht moet meer dan 0 ct zijn</translation>
    </message>
    <message>
        <source>{field}: at most 3 decimals (0.001 ct)</source>
        <translation>{field}: hoogstens 3 decimalen (0,001 ct)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a whole number</source>
        <translation>{field}: {text} is geen geheel getal</translation>
    </message>
    <message>
        <source>{field}: at least {minimum}</source>
        <translation>{field}: minstens {minimum}</translation>
    </message>
    <message>
        <source>under {max} ct</source>
        <translation>onder {max} ct</translation>
    </message>
    <message>
        <source>{min} ct and over</source>
        <translation>{min} ct en meer</translation>
    </message>
    <message>
        <source>{min} to {max} ct</source>
        <translation>{min} tot {max} ct</translation>
    </message>
    <message>
        <source>{field}: required (it is screened against the sanctions lists)</source>
        <translation>{field}: verplicht (wordt getoetst aan de sanctielijsten)</translation>
    </message>
    <message>
        <source>{field}: {code} is not a CN/HS code (e.g. 7102.31.00)</source>
        <translation>{field}: {code} is geen GN/HS-code (bv. 7102.31.00)</translation>
    </message>
    <message>
        <source>{field}: one country (where the parcel was shipped from)</source>
        <translation>{field}: één land (waaruit het pakket werd verzonden)</translation>
    </message>
    <message>
        <source>{field}: at most one country</source>
        <translation>{field}: hoogstens één land</translation>
    </message>
    <message>
        <source>typed at the kiosk</source>
        <translation>ingetikt aan de kiosk</translation>
    </message>
    <message>
        <source>Declaration typed in (none was found)</source>
        <translation>Aangifte ingetikt (er werd er geen gevonden)</translation>
    </message>
    <message>
        <source>e.g. DO-2026-001</source>
        <translation>bv. DO-2026-001</translation>
    </message>
    <message>
        <source>e.g. BW2026004417</source>
        <translation>bv. BW2026004417</translation>
    </message>
    <message>
        <source>e.g. BW, ZA</source>
        <translation>bv. BW, ZA</translation>
    </message>
    <message>
        <source>e.g. AE</source>
        <translation>bv. AE</translation>
    </message>
    <message>
        <source>if cut, e.g. IN</source>
        <translation>indien geslepen, bv. IN</translation>
    </message>
    <message>
        <source>e.g. 1250.400</source>
        <translation>bv. 1250,400</translation>
    </message>
    <message>
        <source>Stones by size class (packing list)</source>
        <translation>Stenen per grootteklasse (paklijst)</translation>
    </message>
    <message>
        <source>Stones</source>
        <translation>Stenen</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Karaat</translation>
    </message>
    <message>
        <source>✔  Save declaration</source>
        <translation>✔  Aangifte bewaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Empty size classes are left out; the checks run again.</source>
        <translation>Lege grootteklassen worden weggelaten; de controles lopen opnieuw.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>KP-certificaat</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exporteur</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Importeur</translation>
    </message>
    <message>
        <source>CN/HS code</source>
        <translation>GN/HS-code</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Oorsprong</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <source>Processed in</source>
        <translation>Verwerkt in</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Pakketten</translation>
    </message>
    <message>
        <source>Stones {label}: give both the number of stones and their carats</source>
        <translation>Stenen {label}: geef zowel het aantal stenen als hun karaat</translation>
    </message>
    <message>
        <source>Stones {label}</source>
        <translation>Stenen {label}</translation>
    </message>
    <message>
        <source>Carats {label}</source>
        <translation>Karaat {label}</translation>
    </message>
    <message>
        <source>Stones by size class: their carats add up to more than the parcel&apos;s</source>
        <translation>Stenen per grootteklasse: hun karaat is samen meer dan dat van het pakket</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Poort</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serienr.</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Laatste</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <source>Read</source>
        <translation>Lezen</translation>
    </message>
    <message>
        <source>Read the scale once and show the reply</source>
        <translation>De weegschaal één keer uitlezen en het antwoord tonen</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Nul</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tarra</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Foto nemen</translation>
    </message>
    <message>
        <source>A test picture; it is not added to a parcel</source>
        <translation>Een testfoto; die wordt niet aan een pakket toegevoegd</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testafdruk</translation>
    </message>
    <message>
        <source>Serial ports</source>
        <translation>Seriële poorten</translation>
    </message>
    <message>
        <source>Detect ports</source>
        <translation>Poorten zoeken</translation>
    </message>
    <message>
        <source>Probe the serial ports for balances (the kiosk&apos;s own ports are skipped)</source>
        <translation>De seriële poorten aftasten op weegschalen (de eigen poorten van de kiosk worden overgeslagen)</translation>
    </message>
    <message>
        <source>Read-only: a technician signs in to test or change the devices.</source>
        <translation>Alleen lezen: een technicus meldt zich aan om de toestellen te testen of te wijzigen.</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>Kioskmodus verlaten</translation>
    </message>
    <message>
        <source>Leave full screen so the kiosk can be closed (recorded)</source>
        <translation>Volledig scherm verlaten zodat de kiosk kan worden gesloten (wordt vastgelegd)</translation>
    </message>
    <message>
        <source>Press Detect ports to look for balances.</source>
        <translation>Druk op Poorten zoeken om weegschalen te zoeken.</translation>
    </message>
    <message>
        <source>Scale zeroed.</source>
        <translation>Weegschaal op nul gezet.</translation>
    </message>
    <message>
        <source>Scale tared.</source>
        <translation>Weegschaal getarreerd.</translation>
    </message>
    <message>
        <source>Scale read: %1 (reply %2)</source>
        <translation>Weegschaal gelezen: %1 (antwoord %2)</translation>
    </message>
    <message>
        <source>Test slip sent to %1.</source>
        <translation>Testbon verzonden naar %1.</translation>
    </message>
    <message>
        <source>Test print failed: %1</source>
        <translation>Testafdruk mislukt: %1</translation>
    </message>
    <message>
        <source>Snapshot saved: %1 (%2 x %3)</source>
        <translation>Foto bewaard: %1 (%2 x %3)</translation>
    </message>
    <message>
        <source>Probing the serial ports…</source>
        <translation>Seriële poorten worden afgetast…</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Weegschaal</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lezer</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Niet verbonden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Start op</translation>
    </message>
    <message>
        <source>No serial ports found.</source>
        <translation>Geen seriële poorten gevonden.</translation>
    </message>
    <message>
        <source>%1 port(s) found:</source>
        <translation>%1 poort(en) gevonden:</translation>
    </message>
    <message>
        <source>nothing answered</source>
        <translation>niets antwoordde</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Not looked up yet</source>
        <translation>Nog niet opgezocht</translation>
    </message>
    <message>
        <source>No declaration found</source>
        <translation>Geen aangifte gevonden</translation>
    </message>
    <message>
        <source>No KP certificate found</source>
        <translation>Geen KP-certificaat gevonden</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>VERLOPEN</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Aangifte</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Exporteur</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Importeur</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Oorsprong</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>KP-cert.</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Karaat</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>1 parcel</source>
        <translation>1 pakket</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 pakketten</translation>
    </message>
    <message>
        <source>cut in %1</source>
        <translation>geslepen in %1</translation>
    </message>
    <message>
        <source>shipped from %1</source>
        <translation>verzonden uit %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>verloopt %1</translation>
    </message>
    <message>
        <source>%1 (mixed)</source>
        <translation>%1 (gemengd)</translation>
    </message>
    <message>
        <source>%1; origin %2; %3 parcel(s)</source>
        <translation>%1; oorsprong %2; %3 pakket(ten)</translation>
    </message>
    <message>
        <source>declared %1</source>
        <translation>aangegeven %1</translation>
    </message>
    <message>
        <source>KP %1</source>
        <translation>KP %1</translation>
    </message>
</context>
<context>
    <name>FaultPanel</name>
    <message>
        <source>FAULT</source>
        <translation>STORING</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>Opnieuw proberen (Enter)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>KP certificate</source>
        <translation>KP-certificaat</translation>
    </message>
    <message>
        <source>G7 certificate</source>
        <translation>G7-certificaat</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Air waybill</source>
        <translation>Luchtvrachtbrief</translation>
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
        <translation>RFID-tag (EPC)</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Zegel</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>✔ STABLE</source>
        <translation>✔ STABIEL</translation>
    </message>
    <message>
        <source>settling…</source>
        <translation>stabiliseert…</translation>
    </message>
    <message>
        <source>OVERLOAD – remove weight</source>
        <translation>OVERBELAST – gewicht wegnemen</translation>
    </message>
    <message>
        <source>UNDERLOAD – zero the balance</source>
        <translation>ONDERBELAST – weegschaal op nul zetten</translation>
    </message>
    <message>
        <source>BUSY – balance working</source>
        <translation>BEZIG – weegschaal werkt</translation>
    </message>
    <message>
        <source>BALANCE ERROR</source>
        <translation>FOUT WEEGSCHAAL</translation>
    </message>
    <message>
        <source>SCALE DISCONNECTED</source>
        <translation>WEEGSCHAAL NIET VERBONDEN</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabiel</translation>
    </message>
    <message>
        <source>settling</source>
        <translation>stabiliseert</translation>
    </message>
    <message>
        <source>overload</source>
        <translation>overbelast</translation>
    </message>
    <message>
        <source>underload</source>
        <translation>onderbelast</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>niet verbonden</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>VRIJGAVE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>VRIJSTELLING</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>VASTHOUDEN</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>WEIGERING</translation>
    </message>
    <message>
        <source>All checks passed: the parcel may be released</source>
        <translation>Alle controles geslaagd: het pakket mag worden vrijgegeven</translation>
    </message>
    <message>
        <source>Exemption applies: the parcel may be released</source>
        <translation>Vrijstelling van toepassing: het pakket mag worden vrijgegeven</translation>
    </message>
    <message>
        <source>Do not release yet</source>
        <translation>Nog niet vrijgeven</translation>
    </message>
    <message>
        <source>Do not release: import prohibited</source>
        <translation>Niet vrijgeven: invoer verboden</translation>
    </message>
    <message>
        <source>Waiting for identifiers, weight and photo</source>
        <translation>Wacht op identificatiecodes, gewicht en foto</translation>
    </message>
    <message>
        <source>Waiting for identifiers and weight</source>
        <translation>Wacht op identificatiecodes en gewicht</translation>
    </message>
    <message>
        <source>Waiting for identifiers and photo</source>
        <translation>Wacht op identificatiecodes en foto</translation>
    </message>
    <message>
        <source>Waiting for weight and photo</source>
        <translation>Wacht op gewicht en foto</translation>
    </message>
    <message>
        <source>Waiting for identifiers</source>
        <translation>Wacht op identificatiecodes</translation>
    </message>
    <message>
        <source>Waiting for weight</source>
        <translation>Wacht op gewicht</translation>
    </message>
    <message>
        <source>Waiting for photo</source>
        <translation>Wacht op foto</translation>
    </message>
    <message>
        <source>Ready: press Check now</source>
        <translation>Klaar: druk op Nu controleren</translation>
    </message>
    <message>
        <source>documents produced</source>
        <translation>documenten voorgelegd</translation>
    </message>
    <message>
        <source>weighing error</source>
        <translation>weegfout</translation>
    </message>
    <message>
        <source>seal explained</source>
        <translation>zegel verklaard</translation>
    </message>
    <message>
        <source>data outdated</source>
        <translation>gegevens verouderd</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>collecting</source>
        <translation>verzamelen</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>beslist</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>opgeheven</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>afgedrukt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>geannuleerd</translation>
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
        <translation>zonet</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>%1 min oud</translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation>%1 u oud</translation>
    </message>
    <message>
        <source>%1 d old</source>
        <translation>%1 d oud</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min geleden</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 u geleden</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>%1 d geleden</translation>
    </message>
    <message>
        <source>Data %1 · %2</source>
        <translation>Gegevens %1 · %2</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WACHTEN</translation>
    </message>
    <message>
        <source>Override of %1 by %2: %3</source>
        <translation>%1 opgeheven door %2: %3</translation>
    </message>
    <message>
        <source>%1 — 1 reason: %2</source>
        <translation>%1 — 1 reden: %2</translation>
    </message>
    <message>
        <source>%1 — %3 reasons: %2</source>
        <translation>%1 — %3 redenen: %2</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>created</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>input</source>
        <translation>invoer</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>beslist</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>opgeheven</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>afgedrukt</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>opnieuw afgedrukt</translation>
    </message>
    <message>
        <source>slip written</source>
        <translation>bon opgemaakt</translation>
    </message>
    <message>
        <source>new seal applied</source>
        <translation>nieuw zegel aangebracht</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>afgesloten</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>End-of-shift report</source>
        <translation>Dienstrapport</translation>
    </message>
    <message>
        <source>KP monthly report</source>
        <translation>KP-maandrapport</translation>
    </message>
    <message>
        <source>Back to inspection</source>
        <translation>Naar inspectie</translation>
    </message>
    <message>
        <source>&amp;Identifier or inspection id</source>
        <translation>&amp;Identificatiecode of inspectienummer</translation>
    </message>
    <message>
        <source>KP, MRN, AWB, seal…</source>
        <translation>KP, MRN, AWB, zegel…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Van</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Tot</translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation>&amp;Beslissing</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Post</translation>
    </message>
    <message>
        <source>all posts</source>
        <translation>alle posten</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspectie</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>KP-certificaat</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Opheffing</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Nieuwer</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Ouder ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Back to results</source>
        <translation>Terug naar resultaten</translation>
    </message>
    <message>
        <source>IDENTIFIERS</source>
        <translation>IDENTIFICATIECODES</translation>
    </message>
    <message>
        <source>WEIGHT</source>
        <translation>GEWICHT</translation>
    </message>
    <message>
        <source>PHOTO</source>
        <translation>FOTO</translation>
    </message>
    <message>
        <source>REASONS AND LEGAL BASIS</source>
        <translation>REDENEN EN RECHTSGROND</translation>
    </message>
    <message>
        <source>SLIP</source>
        <translation>BON</translation>
    </message>
    <message>
        <source>AUDIT TRAIL</source>
        <translation>AUDITSPOOR</translation>
    </message>
    <message>
        <source>Reprint slip</source>
        <translation>Bon herdrukken</translation>
    </message>
    <message>
        <source>Re-check under the rules of its date</source>
        <translation>Opnieuw controleren volgens de regels van die datum</translation>
    </message>
    <message>
        <source>Press Search to list inspections</source>
        <translation>Druk op Zoeken om inspecties op te lijsten</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Elke beslissing</translation>
    </message>
    <message>
        <source>✔ CLEAR</source>
        <translation>✔ VRIJGAVE</translation>
    </message>
    <message>
        <source>✔ EXEMPT</source>
        <translation>✔ VRIJSTELLING</translation>
    </message>
    <message>
        <source>! HOLD</source>
        <translation>! VASTHOUDEN</translation>
    </message>
    <message>
        <source>✖ REFUSE</source>
        <translation>✖ WEIGERING</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Opgeheven</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>VRIJGAVE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>VRIJSTELLING</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>VASTHOUDEN</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>WEIGERING</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>geen beslissing</translation>
    </message>
    <message>
        <source>Inspections {first}–{last}, newest first</source>
        <translation>Inspecties {first}–{last}, nieuwste eerst</translation>
    </message>
    <message>
        <source>No inspection matches the search.</source>
        <translation>Geen inspectie voldoet aan de zoekopdracht.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: same verdict ({now}), same reasons.</source>
        <translation>Opnieuw gecontroleerd volgens de regels van {day}: zelfde beslissing ({now}), zelfde redenen.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: recorded {before}, now {now}.</source>
        <translation>Opnieuw gecontroleerd volgens de regels van {day}: vastgelegd {before}, nu {now}.</translation>
    </message>
    <message>
        <source>New: {reason}</source>
        <translation>Nieuw: {reason}</translation>
    </message>
    <message>
        <source>No longer: {reason}</source>
        <translation>Niet meer: {reason}</translation>
    </message>
    <message>
        <source>Slip reprinted: {where}</source>
        <translation>Bon herdrukt: {where}</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Rapport geschreven: {path}</translation>
    </message>
    <message>
        <source>Re-checking…</source>
        <translation>Opnieuw controleren…</translation>
    </message>
    <message>
        <source>Cannot search: {why}</source>
        <translation>Kan niet zoeken: {why}</translation>
    </message>
    <message>
        <source>✎ overridden by {name}</source>
        <translation>✎ opgeheven door {name}</translation>
    </message>
    <message>
        <source>Inspection {id} · {when}</source>
        <translation>Inspectie {id} · {when}</translation>
    </message>
    <message>
        <source>{kind}: {value} ({source})</source>
        <translation>{kind}: {value} ({source})</translation>
    </message>
    <message>
        <source> — invalid: {why}</source>
        <translation> — ongeldig: {why}</translation>
    </message>
    <message>
        <source>Declaration {ref}</source>
        <translation>Aangifte {ref}</translation>
    </message>
    <message>
        <source>KP certificate on file: {carats} ct, {parcels} parcel(s), US$ {value}</source>
        <translation>KP-certificaat in het register: {carats} ct, {parcels} pakket(ten), US$ {value}</translation>
    </message>
    <message>
        <source>Inspector: {name}</source>
        <translation>Inspecteur: {name}</translation>
    </message>
    <message>
        <source>Post {post}, kiosk {kiosk}</source>
        <translation>Post {post}, kiosk {kiosk}</translation>
    </message>
    <message>
        <source>No identifier recorded.</source>
        <translation>Geen identificatiecode vastgelegd.</translation>
    </message>
    <message>
        <source>No weight recorded.</source>
        <translation>Geen gewicht vastgelegd.</translation>
    </message>
    <message>
        <source>{carats} ct, stable, at {when}
scale {scale}, reply “{raw}”</source>
        <translation>{carats} ct, stabiel, om {when}
weegschaal {scale}, antwoord “{raw}”</translation>
    </message>
    <message>
        <source>{before} → {after}: overridden by {supervisor} (supervisor) for {inspector} (inspector) at {when}; code {code}: “{text}”</source>
        <translation>{before} → {after}: opgeheven door {supervisor} (supervisor) voor {inspector} (inspecteur) om {when}; code {code}: “{text}”</translation>
    </message>
    <message>
        <source>No slip: the inspection has no verdict.</source>
        <translation>Geen bon: de inspectie heeft geen beslissing.</translation>
    </message>
    <message>
        <source>The slip file is missing: Reprint makes a new copy marked REPRINT.</source>
        <translation>Het bonbestand ontbreekt: Herdrukken maakt een nieuwe kopie gemarkeerd REPRINT.</translation>
    </message>
    <message>
        <source>Slip printed {when}.</source>
        <translation>Bon afgedrukt {when}.</translation>
    </message>
    <message>
        <source>Slip written, never printed.</source>
        <translation>Bon geschreven, nooit afgedrukt.</translation>
    </message>
    <message>
        <source>Reprinted {n} time(s).</source>
        <translation>{n} keer herdrukt.</translation>
    </message>
</context>
<context>
    <name>IdentifierPanel</name>
    <message>
        <source>scanned</source>
        <translation>gescand</translation>
    </message>
    <message>
        <source>RFID</source>
        <translation>RFID</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>ingetikt</translation>
    </message>
    <message>
        <source>%1 · valid · %2</source>
        <translation>%1 · geldig · %2</translation>
    </message>
    <message>
        <source>%1 · INVALID: %2 · %3</source>
        <translation>%1 · ONGELDIG: %2 · %3</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>niet herkend</translation>
    </message>
    <message>
        <source>? Not recognised yet: {problem}</source>
        <translation>? Nog niet herkend: {problem}</translation>
    </message>
    <message>
        <source>✔ {kind} · valid (check digit OK)</source>
        <translation>✔ {kind} · geldig (controlecijfer OK)</translation>
    </message>
    <message>
        <source>✖ {kind} · {problem}</source>
        <translation>✖ {kind} · {problem}</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identificatiecodes</translation>
    </message>
    <message>
        <source>Scan the KP certificate, MRN, air waybill or seal, or type a code below.</source>
        <translation>Scan het KP-certificaat, de MRN, de luchtvrachtbrief of het zegel, of tik hieronder een code in.</translation>
    </message>
    <message>
        <source>Type a code</source>
        <translation>Tik een code in</translation>
    </message>
    <message>
        <source>Type an identifier that does not scan</source>
        <translation>Tik een identificatiecode in die niet scant</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Typed code check</source>
        <translation>Controle van de ingetikte code</translation>
    </message>
</context>
<context>
    <name>IdentifierRow</name>
    <message>
        <source>Received: %1</source>
        <translation>Ontvangen: %1</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <source>Zero</source>
        <translation>Nul</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tarra</translation>
    </message>
    <message>
        <source>✔  Check now</source>
        <translation>✔  Nu controleren</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Bon afdrukken</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Herdruk</translation>
    </message>
    <message>
        <source>Print the stored slip again; recorded as a reprint</source>
        <translation>De bewaarde bon opnieuw afdrukken; vastgelegd als herdruk</translation>
    </message>
    <message>
        <source>Next parcel  →</source>
        <translation>Volgend pakket  →</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Opheffen…</translation>
    </message>
    <message>
        <source>A supervisor lifts the hold</source>
        <translation>Een supervisor heft het vasthouden op</translation>
    </message>
    <message>
        <source>Type the declaration…</source>
        <translation>Aangifte intikken…</translation>
    </message>
    <message>
        <source>No declaration was found: type it in from the documents</source>
        <translation>Er werd geen aangifte gevonden: tik ze in vanuit de documenten</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Reasons and legal basis</source>
        <translation>Redenen en rechtsgrond</translation>
    </message>
    <message>
        <source>Parcel {id} · {state} · started {time}</source>
        <translation>Pakket {id} · {state} · begonnen {time}</translation>
    </message>
    <message>
        <source>{outcome} — overridden by {name} ({code})</source>
        <translation>{outcome} — opgeheven door {name} ({code})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Slip printed: %1</source>
        <translation>Bon afgedrukt: %1</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Afdrukken mislukt: %1</translation>
    </message>
    <message>
        <source>Override recorded</source>
        <translation>Opheffing geregistreerd</translation>
    </message>
    <message>
        <source>%1. The slip now carries both names: press Print slip.</source>
        <translation>%1. De bon draagt nu beide namen: druk op Bon afdrukken.</translation>
    </message>
    <message>
        <source>Override refused: %1</source>
        <translation>Opheffing geweigerd: %1</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>aanmelden</translation>
    </message>
    <message>
        <source>add the identifier</source>
        <translation>de identificatiecode toevoegen</translation>
    </message>
    <message>
        <source>lock the screen</source>
        <translation>het scherm vergrendelen</translation>
    </message>
    <message>
        <source>Trying the database again…</source>
        <translation>Database wordt opnieuw geprobeerd…</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>de database openen</translation>
    </message>
    <message>
        <source>Still not answering (checked at %1). The kiosk keeps trying.</source>
        <translation>Nog steeds geen antwoord (gecontroleerd om %1). De kiosk blijft proberen.</translation>
    </message>
    <message>
        <source>The scale is not answering</source>
        <translation>De weegschaal antwoordt niet</translation>
    </message>
    <message>
        <source>The scale is disconnected.</source>
        <translation>De weegschaal is niet verbonden.</translation>
    </message>
    <message>
        <source>Check the scale&apos;s cable and power switch. The kiosk reconnects by itself and this panel closes when the scale answers; the parcel under way is kept.</source>
        <translation>Controleer de kabel en de aan-uitschakelaar van de weegschaal. De kiosk maakt zelf opnieuw verbinding en dit paneel sluit zodra de weegschaal antwoordt; het lopende pakket blijft bewaard.</translation>
    </message>
    <message>
        <source>check the parcel</source>
        <translation>het pakket controleren</translation>
    </message>
    <message>
        <source>print the slip</source>
        <translation>de bon afdrukken</translation>
    </message>
    <message>
        <source>reprint the slip</source>
        <translation>de bon herdrukken</translation>
    </message>
    <message>
        <source>record the declaration</source>
        <translation>de aangifte vastleggen</translation>
    </message>
    <message>
        <source>record the new seal</source>
        <translation>het nieuwe zegel vastleggen</translation>
    </message>
    <message>
        <source>start the next parcel</source>
        <translation>het volgende pakket beginnen</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>afmelden</translation>
    </message>
    <message>
        <source>zero the scale</source>
        <translation>de weegschaal op nul zetten</translation>
    </message>
    <message>
        <source>tare the scale</source>
        <translation>de weegschaal tarreren</translation>
    </message>
    <message>
        <source>There is no verdict to override.</source>
        <translation>Er is geen beslissing om op te heffen.</translation>
    </message>
    <message>
        <source>Could not list the supervisors: %1</source>
        <translation>Kon de supervisors niet oplijsten: %1</translation>
    </message>
    <message>
        <source>record the override</source>
        <translation>de opheffing registreren</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Kon niet %1: %2</translation>
    </message>
    <message>
        <source>Inspection Kiosk — %1</source>
        <translation>Inspectiekiosk — %1</translation>
    </message>
    <message>
        <source>Only a signed-in technician can leave kiosk mode.</source>
        <translation>Alleen een aangemelde technicus kan de kioskmodus verlaten.</translation>
    </message>
    <message>
        <source>Kiosk mode left: the window can now be closed.</source>
        <translation>Kioskmodus verlaten: het venster kan nu worden gesloten.</translation>
    </message>
    <message>
        <source>Your role may not open any screen here.</source>
        <translation>Uw rol mag hier geen enkel scherm openen.</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>De database kan niet worden gebruikt</translation>
    </message>
    <message>
        <source>Nothing already saved is lost. Check the disk and the database settings, or call the technician, then press Retry.</source>
        <translation>Wat al bewaard is, gaat niet verloren. Controleer de schijf en de database-instellingen of roep de technicus, en druk dan op Opnieuw.</translation>
    </message>
    <message>
        <source>read the badge</source>
        <translation>de badge lezen</translation>
    </message>
    <message>
        <source>Close menu</source>
        <translation>Menu sluiten</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Inspectie</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Toestellen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Data &amp; sync</source>
        <translation>Data &amp; sync</translation>
    </message>
    <message>
        <source>Could not list the users: %1</source>
        <translation>Kon de gebruikers niet oplijsten: %1</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>nothing was read</source>
        <translation>er werd niets gelezen</translation>
    </message>
    <message>
        <source>not a recognised identifier</source>
        <translation>geen herkende identificatiecode</translation>
    </message>
    <message>
        <source>too long for an identifier ({length} characters, at most {limit})</source>
        <translation>te lang voor een identificatiecode ({length} tekens, hoogstens {limit})</translation>
    </message>
    <message>
        <source>an RFID tag id has only letters and digits</source>
        <translation>een RFID-tagcode bestaat alleen uit letters en cijfers</translation>
    </message>
    <message>
        <source>an RFID tag id has 4 to 32 characters, found {count}</source>
        <translation>een RFID-tagcode heeft 4 tot 32 tekens, gevonden: {count}</translation>
    </message>
    <message>
        <source>{country} is not an ISO 3166-1 country code</source>
        <translation>{country} is geen ISO 3166-1-landcode</translation>
    </message>
    <message>
        <source>a G7 certificate serial has at least 3 characters with a digit</source>
        <translation>een volgnummer van een G7-certificaat heeft minstens 3 tekens, waaronder een cijfer</translation>
    </message>
    <message>
        <source>a seal number has 5 to 12 digits, found {count}</source>
        <translation>een zegelnummer heeft 5 tot 12 cijfers, gevonden: {count}</translation>
    </message>
    <message>
        <source>the 17th character (procedure category) must be a letter, not {found}</source>
        <translation>het 17e teken (procedurecategorie) moet een letter zijn, niet {found}</translation>
    </message>
    <message>
        <source>check character is {found}, expected {expected}</source>
        <translation>controleteken is {found}, verwacht {expected}</translation>
    </message>
    <message>
        <source>check digit is {found}, expected {expected}</source>
        <translation>controlecijfer is {found}, verwacht {expected}</translation>
    </message>
    <message>
        <source>{kind} check digit is {found}, expected {expected}</source>
        <translation>controlecijfer van de {kind} is {found}, verwacht {expected}</translation>
    </message>
    <message>
        <source>an SSCC after AI (00) has 18 digits</source>
        <translation>een SSCC na AI (00) heeft 18 cijfers</translation>
    </message>
    <message>
        <source>a GTIN after AI (01) has 14 digits</source>
        <translation>een GTIN na AI (01) heeft 14 cijfers</translation>
    </message>
    <message>
        <source>a KP certificate number has at most 30 characters, found {count}</source>
        <translation>een KP-certificaatnummer heeft hoogstens 30 tekens, gevonden: {count}</translation>
    </message>
    <message>
        <source>a KP certificate number has at least 3 characters after the country code</source>
        <translation>een KP-certificaatnummer heeft minstens 3 tekens na de landcode</translation>
    </message>
    <message>
        <source>expected a KP certificate number such as BW 0123456</source>
        <translation>verwacht: een KP-certificaatnummer zoals BW 0123456</translation>
    </message>
    <message>
        <source>expected a G7 certificate number such as G7-BE-2026-000123</source>
        <translation>verwacht: een G7-certificaatnummer zoals G7-BE-2026-000123</translation>
    </message>
    <message>
        <source>expected an MRN of 18 characters such as 26BE000000000000A1</source>
        <translation>verwacht: een MRN van 18 tekens zoals 26BE000000000000A1</translation>
    </message>
    <message>
        <source>expected an air waybill number such as 176-12345675</source>
        <translation>verwacht: een luchtvrachtbriefnummer zoals 176-12345675</translation>
    </message>
    <message>
        <source>expected an SSCC of 18 digits</source>
        <translation>verwacht: een SSCC van 18 cijfers</translation>
    </message>
    <message>
        <source>expected a GTIN of 8, 12, 13 or 14 digits</source>
        <translation>verwacht: een GTIN van 8, 12, 13 of 14 cijfers</translation>
    </message>
    <message>
        <source>expected an EPC of 24 hex characters</source>
        <translation>verwacht: een EPC van 24 hexadecimale tekens</translation>
    </message>
    <message>
        <source>expected a seal number such as SL 0012345</source>
        <translation>verwacht: een zegelnummer zoals SL 0012345</translation>
    </message>
    <message>
        <source>EPC header is {header}, an SGTIN-96 has 0x30</source>
        <translation>EPC-header is {header}, een SGTIN-96 heeft 0x30</translation>
    </message>
    <message>
        <source>SGTIN-96 partition is {partition}, allowed are 0 to 6</source>
        <translation>SGTIN-96-partitie is {partition}, toegelaten zijn 0 tot 6</translation>
    </message>
    <message>
        <source>SGTIN-96 company prefix or item reference has too many digits</source>
        <translation>bedrijfsprefix of artikelreferentie van de SGTIN-96 heeft te veel cijfers</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>Onbekende gebruiker.</translation>
    </message>
    <message>
        <source>This user is disabled. Ask a supervisor.</source>
        <translation>Deze gebruiker is uitgeschakeld. Vraag het een supervisor.</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Aangemeld als {name}.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left.</source>
        <translation>Verkeerde pincode. Nog 1 poging.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left.</source>
        <translation>Verkeerde pincode. Nog {count} pogingen.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left. Wait {wait} s before trying again.</source>
        <translation>Verkeerde pincode. Nog 1 poging. Wacht {wait} s voor u het opnieuw probeert.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left. Wait {wait} s before trying again.</source>
        <translation>Verkeerde pincode. Nog {count} pogingen. Wacht {wait} s voor u het opnieuw probeert.</translation>
    </message>
    <message>
        <source>Wait {wait} s before trying again.</source>
        <translation>Wacht {wait} s voor u het opnieuw probeert.</translation>
    </message>
    <message>
        <source>Locked for {wait} s after {count} wrong PINs.</source>
        <translation>Vergrendeld voor {wait} s na {count} verkeerde pincodes.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Vergrendeld.</translation>
    </message>
    <message>
        <source>This badge has been revoked and cannot sign in. Hand it to a supervisor; choose your name to sign in with your PIN.</source>
        <translation>Deze badge is ingetrokken en kan niet aanmelden. Geef hem af aan een supervisor; kies uw naam om met uw pincode aan te melden.</translation>
    </message>
    <message>
        <source>This badge is not known at this kiosk. Choose your name to sign in with your PIN.</source>
        <translation>Deze badge is niet gekend op deze kiosk. Kies uw naam om met uw pincode aan te melden.</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot sign in. Ask a supervisor.</source>
        <translation>{name} is uitgeschakeld en kan niet aanmelden. Vraag het een supervisor.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Meld u eerst aan.</translation>
    </message>
    <message>
        <source>Type an identifier first.</source>
        <translation>Tik eerst een code in.</translation>
    </message>
    <message>
        <source>{value}: {known}</source>
        <translation>{value}: {known}</translation>
    </message>
    <message>
        <source>There is no slip to print yet: check the parcel first.</source>
        <translation>Er is nog geen bon om af te drukken: controleer eerst het pakket.</translation>
    </message>
    <message>
        <source>The slip has not been printed yet: press Print slip.</source>
        <translation>De bon is nog niet afgedrukt: druk op Bon afdrukken.</translation>
    </message>
    <message>
        <source>Type or scan the new seal&apos;s number first.</source>
        <translation>Tik of scan eerst het nummer van het nieuwe zegel.</translation>
    </message>
    <message>
        <source>There is no inspection to override.</source>
        <translation>Er is geen inspectie om op te heffen.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Schrijf waarom het vasthouden wordt opgeheven: een reden is verplicht.</translation>
    </message>
    <message>
        <source>This parcel&apos;s verdict has already been overridden.</source>
        <translation>De beslissing over dit pakket is al opgeheven.</translation>
    </message>
    <message>
        <source>There is no verdict to override: check the parcel first.</source>
        <translation>Er is geen beslissing om op te heffen: controleer eerst het pakket.</translation>
    </message>
    <message>
        <source>Override refused: {name} is not an active supervisor.</source>
        <translation>Opheffing geweigerd: {name} is geen actieve supervisor.</translation>
    </message>
    <message>
        <source>Override refused: unknown user {name}.</source>
        <translation>Opheffing geweigerd: onbekende gebruiker {name}.</translation>
    </message>
    <message>
        <source>Override refused: {message}.</source>
        <translation>Opheffing geweigerd: {message}.</translation>
    </message>
    <message>
        <source>no override policy is in force on {date}</source>
        <translation>op {date} geldt geen opheffingsbeleid</translation>
    </message>
    <message>
        <source>a {outcome} verdict cannot be overridden (only {allowed}; {legal_basis})</source>
        <translation>een beslissing {outcome} kan niet worden opgeheven (alleen {allowed}; {legal_basis})</translation>
    </message>
    <message>
        <source>rule {rules} can never be overridden ({legal_basis})</source>
        <translation>regel {rules} kan nooit worden opgeheven ({legal_basis})</translation>
    </message>
    <message>
        <source>a supervisor must sign in to override</source>
        <translation>een supervisor moet aanmelden om op te heffen</translation>
    </message>
    <message>
        <source>the supervisor must be a different person from the inspector</source>
        <translation>de supervisor moet een andere persoon zijn dan de inspecteur</translation>
    </message>
    <message>
        <source>This parcel has no verdict yet: press Check now first, then Next parcel.</source>
        <translation>Dit pakket heeft nog geen beslissing: druk eerst op Nu controleren, dan op Volgend pakket.</translation>
    </message>
    <message>
        <source>Declaration {reference} is on file for this parcel: it is used instead of a typed one.</source>
        <translation>Aangifte {reference} is gekend voor dit pakket: die wordt gebruikt in plaats van een ingetikte.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>De databank is niet geopend.</translation>
    </message>
    <message>
        <source>The checks are not ready: the rule set did not load.</source>
        <translation>De controles zijn niet klaar: de regelset werd niet geladen.</translation>
    </message>
    <message>
        <source>No inspection is open: sign in first.</source>
        <translation>Er is geen inspectie geopend: meld u eerst aan.</translation>
    </message>
    <message>
        <source>This parcel&apos;s slip is printed: press Next parcel to start a new inspection.</source>
        <translation>De bon van dit pakket is afgedrukt: druk op Volgend pakket om een nieuwe inspectie te starten.</translation>
    </message>
    <message>
        <source>The database is taking long to open; please wait.</source>
        <translation>Het openen van de databank duurt lang; even geduld.</translation>
    </message>
    <message>
        <source>The new reference data cannot be used: {message}</source>
        <translation>De nieuwe referentiegegevens kunnen niet worden gebruikt: {message}</translation>
    </message>
    <message>
        <source>The database cannot be used: {message}</source>
        <translation>De databank kan niet worden gebruikt: {message}</translation>
    </message>
    <message>
        <source>The database cannot be opened: {message}</source>
        <translation>De databank kan niet worden geopend: {message}</translation>
    </message>
    <message>
        <source>The rule set is not valid: {message}</source>
        <translation>De regelset is ongeldig: {message}</translation>
    </message>
    <message>
        <source>A file could not be written: {message}</source>
        <translation>Een bestand kon niet worden geschreven: {message}</translation>
    </message>
    <message>
        <source>Unexpected error ({type}): {message}</source>
        <translation>Onverwachte fout ({type}): {message}</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is not connected.</source>
        <translation>Weegschaal lezen mislukt: de weegschaal is niet verbonden.</translation>
    </message>
    <message>
        <source>Scale zero failed: the scale is not connected.</source>
        <translation>Weegschaal op nul zetten mislukt: de weegschaal is niet verbonden.</translation>
    </message>
    <message>
        <source>Scale tare failed: the scale is not connected.</source>
        <translation>Tarra mislukt: de weegschaal is niet verbonden.</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is off in the settings.</source>
        <translation>Weegschaal lezen mislukt: de weegschaal staat uit in de instellingen.</translation>
    </message>
    <message>
        <source>Scale read failed: {message}</source>
        <translation>Weegschaal lezen mislukt: {message}</translation>
    </message>
    <message>
        <source>Scale zero failed: {message}</source>
        <translation>Weegschaal op nul zetten mislukt: {message}</translation>
    </message>
    <message>
        <source>Scale tare failed: {message}</source>
        <translation>Tarra mislukt: {message}</translation>
    </message>
    <message>
        <source>No photo: the camera is switched off in the settings.</source>
        <translation>Geen foto: de camera staat uit in de instellingen.</translation>
    </message>
    <message>
        <source>No photo: {path}: {message}</source>
        <translation>Geen foto: {path}: {message}</translation>
    </message>
    <message>
        <source>Test slips cannot be rendered here.</source>
        <translation>Testbonnen kunnen hier niet worden opgemaakt.</translation>
    </message>
    <message>
        <source>No printer is configured.</source>
        <translation>Er is geen printer ingesteld.</translation>
    </message>
    <message>
        <source>No printer is set up.</source>
        <translation>Er is geen printer ingesteld.</translation>
    </message>
    <message>
        <source>A slip is being printed: wait for it, then try again.</source>
        <translation>Er wordt een bon afgedrukt: wacht tot hij klaar is en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>Printing failed: {message}</source>
        <translation>Afdrukken mislukt: {message}</translation>
    </message>
    <message>
        <source>Port detection is not available while stopping.</source>
        <translation>Poortdetectie is niet beschikbaar tijdens het afsluiten.</translation>
    </message>
    <message>
        <source>Port detection failed: {message}</source>
        <translation>Poortdetectie mislukt: {message}</translation>
    </message>
    <message>
        <source>disabled in the settings</source>
        <translation>uitgeschakeld in de instellingen</translation>
    </message>
    <message>
        <source>sync failed: {message}</source>
        <translation>synchronisatie mislukt: {message}</translation>
    </message>
    <message>
        <source>data: {message}; records: {message_records}</source>
        <translation>gegevens: {message}; records: {message_records}</translation>
    </message>
    <message>
        <source>records: {message}</source>
        <translation>records: {message}</translation>
    </message>
    <message>
        <source>{message}; kept bundle {version}</source>
        <translation>{message}; bundel {version} behouden</translation>
    </message>
    <message>
        <source>data update failed: {message}</source>
        <translation>gegevensupdate mislukt: {message}</translation>
    </message>
    <message>
        <source>records not sent: {message}</source>
        <translation>records niet verzonden: {message}</translation>
    </message>
    <message>
        <source>hub unreachable at {where}: {reason}</source>
        <translation>hub onbereikbaar op {where}: {reason}</translation>
    </message>
    <message>
        <source>the hub refused this kiosk&apos;s token ({detail})</source>
        <translation>de hub weigerde het token van deze kiosk ({detail})</translation>
    </message>
    <message>
        <source>the hub answered {code} ({detail})</source>
        <translation>de hub antwoordde {code} ({detail})</translation>
    </message>
    <message>
        <source>the hub refused {inspection}: {detail}</source>
        <translation>de hub weigerde {inspection}: {detail}</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not JSON</source>
        <translation>het antwoord van de hub is geen JSON</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not a JSON object</source>
        <translation>het antwoord van de hub is geen JSON-object</translation>
    </message>
    <message>
        <source>the hub&apos;s answer has no results</source>
        <translation>het antwoord van de hub bevat geen resultaten</translation>
    </message>
    <message>
        <source>{sent} sent, {failed} failed, {waiting} waiting: {message}</source>
        <translation>{sent} verzonden, {failed} mislukt, {waiting} wachtend: {message}</translation>
    </message>
    <message>
        <source>1 record sent, {waiting} waiting</source>
        <translation>1 record verzonden, {waiting} wachtend</translation>
    </message>
    <message>
        <source>{sent} records sent, {waiting} waiting</source>
        <translation>{sent} records verzonden, {waiting} wachtend</translation>
    </message>
    <message>
        <source>nothing due, {waiting} waiting</source>
        <translation>niets te verzenden, {waiting} wachtend</translation>
    </message>
    <message>
        <source>all records sent</source>
        <translation>alle records verzonden</translation>
    </message>
    <message>
        <source>Data up to date (bundle {version}).</source>
        <translation>Gegevens up-to-date (bundel {version}).</translation>
    </message>
    <message>
        <source>Data updated to bundle {version}.</source>
        <translation>Gegevens bijgewerkt naar bundel {version}.</translation>
    </message>
    <message>
        <source>No pinned TUF root configured ([sync] tuf_root)</source>
        <translation>Geen vastgelegde TUF-root ingesteld ([sync] tuf_root)</translation>
    </message>
    <message>
        <source>Hub data has expired ({detail})</source>
        <translation>Hubgegevens zijn verlopen ({detail})</translation>
    </message>
    <message>
        <source>Hub data is older than data already seen ({detail})</source>
        <translation>Hubgegevens zijn ouder dan reeds geziene gegevens ({detail})</translation>
    </message>
    <message>
        <source>Hub data is not signed by trusted keys ({detail})</source>
        <translation>Hubgegevens zijn niet ondertekend met vertrouwde sleutels ({detail})</translation>
    </message>
    <message>
        <source>Data bundle does not match its signature ({detail})</source>
        <translation>Gegevensbundel komt niet overeen met zijn handtekening ({detail})</translation>
    </message>
    <message>
        <source>Hub data rejected ({detail})</source>
        <translation>Hubgegevens geweigerd ({detail})</translation>
    </message>
    <message>
        <source>Hub not reached or download cut off ({detail})</source>
        <translation>Hub niet bereikt of download afgebroken ({detail})</translation>
    </message>
    <message>
        <source>Data bundle unreadable: {detail}</source>
        <translation>Gegevensbundel onleesbaar: {detail}</translation>
    </message>
    <message>
        <source>Data bundle refused: {detail}</source>
        <translation>Gegevensbundel geweigerd: {detail}</translation>
    </message>
    <message>
        <source>Data bundle not applied: {detail}</source>
        <translation>Gegevensbundel niet toegepast: {detail}</translation>
    </message>
    <message>
        <source>Data update failed: {detail}</source>
        <translation>Gegevensupdate mislukt: {detail}</translation>
    </message>
    <message>
        <source>Data update failed unexpectedly: {detail}</source>
        <translation>Gegevensupdate onverwacht mislukt: {detail}</translation>
    </message>
    <message>
        <source>The hub publishes no data bundle</source>
        <translation>De hub publiceert geen gegevensbundel</translation>
    </message>
    <message>
        <source>The hub&apos;s bundle carries no version</source>
        <translation>De bundel van de hub heeft geen versie</translation>
    </message>
    <message>
        <source>Hub offers bundle {offered}, not newer than bundle {version} in use (rollback refused)</source>
        <translation>Hub biedt bundel {offered} aan, niet nieuwer dan bundel {version} in gebruik (terugdraaien geweigerd)</translation>
    </message>
    <message>
        <source>Bundle says version {version}, its signature says {offered}</source>
        <translation>Bundel vermeldt versie {version}, zijn handtekening {offered}</translation>
    </message>
    <message>
        <source>line scanner</source>
        <translation>lijnscanner</translation>
    </message>
    <message>
        <source>test pattern</source>
        <translation>testbeeld</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Sign out (Alt+0); the parcel under way is kept</source>
        <translation>Afmelden (Alt+0); het lopende pakket blijft bewaard</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Lock the screen now (Alt+L); the parcel is kept</source>
        <translation>Het scherm nu vergrendelen (Alt+L); het pakket blijft bewaard</translation>
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
        <translation>Ontbrekende documenten voorgelegd</translation>
    </message>
    <message>
        <source>Weighing error explained</source>
        <translation>Weegfout verklaard</translation>
    </message>
    <message>
        <source>Seal difference explained</source>
        <translation>Verschil in zegels verklaard</translation>
    </message>
    <message>
        <source>Reference data out of date</source>
        <translation>Referentiegegevens verouderd</translation>
    </message>
    <message>
        <source>Other (explain below)</source>
        <translation>Andere (hieronder uitleggen)</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Opheffing door supervisor</translation>
    </message>
    <message>
        <source>Supervisor override of a %1 — parcel %2</source>
        <translation>Opheffing door supervisor van %1 — pakket %2</translation>
    </message>
    <message>
        <source>Why the parcel is held</source>
        <translation>Waarom het pakket wordt vastgehouden</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>No other supervisor is set up on this kiosk: the hold cannot be lifted here.</source>
        <translation>Er is geen andere supervisor ingesteld op deze kiosk: het vasthouden kan hier niet worden opgeheven.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted (required)</source>
        <translation>Schrijf waarom het vasthouden wordt opgeheven (verplicht)</translation>
    </message>
    <message>
        <source>Written reason</source>
        <translation>Geschreven reden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Confirm override</source>
        <translation>Opheffing bevestigen</translation>
    </message>
    <message>
        <source>Choose the supervisor first.</source>
        <translation>Kies eerst de supervisor.</translation>
    </message>
    <message>
        <source>The supervisor types their PIN on the pad.</source>
        <translation>De supervisor tikt zijn of haar pincode in op het toetsenblok.</translation>
    </message>
    <message>
        <source>Choose a reason code.</source>
        <translation>Kies een redencode.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Schrijf waarom het vasthouden wordt opgeheven: een reden is verplicht.</translation>
    </message>
    <message>
        <source>Choose the supervisor</source>
        <translation>Kies de supervisor</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>Pincode voor %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN digits entered</source>
        <translation>Ingetikte cijfers van de pincode</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Laatste cijfer wissen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
</context>
<context>
    <name>ReasonList</name>
    <message>
        <source>The reasons for the verdict will be listed here.</source>
        <translation>De redenen voor de beslissing komen hier.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>OK: all checks passed</source>
        <translation>OK: alle controles geslaagd</translation>
    </message>
    <message>
        <source>CN {cn_code} is outside Annex XXXVIIIA: Article 3p does not apply (TARIC Y872); Kimberley Process checks still apply</source>
        <translation>GN {cn_code} valt buiten bijlage XXXVIII bis: artikel 3 quaterdecies is niet van toepassing (TARIC Y872); de controles van het Kimberleyproces blijven gelden</translation>
    </message>
    <message>
        <source>Russian diamonds are banned: {evidence}</source>
        <translation>Russische diamanten zijn verboden: {evidence}</translation>
    </message>
    <message>
        <source>Cut in {processed_in} from {origins} diamonds with stones of {threshold} or more: {evidence}</source>
        <translation>Geslepen in {processed_in} uit diamanten van {origins} met stenen van {threshold} of meer: {evidence}</translation>
    </message>
    <message>
        <source>Stone sizes not evidenced for the per-stone limit of {threshold}: {problem}</source>
        <translation>Steengroottes niet aangetoond voor de grens per steen van {threshold}: {problem}</translation>
    </message>
    <message>
        <source>Jewellery made in {processed_in} with {origins} diamonds</source>
        <translation>Juwelen gemaakt in {processed_in} met diamanten van {origins}</translation>
    </message>
    <message>
        <source>No G7 certificate or traceability evidence for stones of {threshold} or more (sunrise period ended {sunrise_end})</source>
        <translation>Geen G7-certificaat of traceerbaarheids­bewijs voor stenen van {threshold} of meer (overgangsperiode afgelopen op {sunrise_end})</translation>
    </message>
    <message>
        <source>KP certificate {kp_number}: {problem}</source>
        <translation>KP-certificaat {kp_number}: {problem}</translation>
    </message>
    <message>
        <source>Seals: {problem} (documents: {declared}; scanned: {scanned})</source>
        <translation>Zegels: {problem} (documenten: {declared}; gescand: {scanned})</translation>
    </message>
    <message>
        <source>Mixed KP certificate {kp_number} does not name every mining country ({origins}) and the goods are not G7-verified</source>
        <translation>Gemengd KP-certificaat {kp_number} vermeldt niet elk mijnbouwland ({origins}) en de goederen zijn niet G7-geverifieerd</translation>
    </message>
    <message>
        <source>{problem}: {found} against {expected} (difference {difference}, tolerance {tolerance})</source>
        <translation>{problem}: {found} tegenover {expected} (verschil {difference}, tolerantie {tolerance})</translation>
    </message>
    <message>
        <source>Sanctioned party: {explanation}; freeze and escalate</source>
        <translation>Gesanctioneerde partij: {explanation}; bevriezen en escaleren</translation>
    </message>
    <message>
        <source>Personal-use exemption (traveller&apos;s own jewellery, not for sale): {status}</source>
        <translation>Vrijstelling voor persoonlijk gebruik (eigen juwelen van de reiziger, niet te koop): {status}</translation>
    </message>
    <message>
        <source>Grandfathering (goods outside Russia before {ban_date}), evidence &quot;{evidence}&quot;: {status}</source>
        <translation>Overgangsregeling (goederen buiten Rusland vóór {ban_date}), bewijs &quot;{evidence}&quot;: {status}</translation>
    </message>
    <message>
        <source>Temporary import for a fair or repair ({evidence}), re-export to be controlled: {status}</source>
        <translation>Tijdelijke invoer voor een beurs of herstelling ({evidence}), wederuitvoer te controleren: {status}</translation>
    </message>
    <message>
        <source>Article 3p(7) authorisation {evidence}: {status}</source>
        <translation>Vergunning volgens artikel 3 quaterdecies, lid 7, {evidence}: {status}</translation>
    </message>
    <message>
        <source>Declared KP transit (seals {evidence}), no KP import check: {status}</source>
        <translation>Aangegeven KP-doorvoer (zegels {evidence}), geen KP-invoercontrole: {status}</translation>
    </message>
    <message>
        <source>A supervisor may override a HOLD only</source>
        <translation>Een supervisor kan alleen het vasthouden opheffen</translation>
    </message>
    <message>
        <source>No stable weight reading ({state})</source>
        <translation>Geen stabiele gewichtsmeting ({state})</translation>
    </message>
    <message>
        <source>No photo of the opened parcel</source>
        <translation>Geen foto van het geopende pakket</translation>
    </message>
    <message>
        <source>Reference data (sanctions lists, certificate registers, rules) are out of date: {why}</source>
        <translation>Referentiegegevens (sanctielijsten, certificatenregisters, regels) zijn verouderd: {why}</translation>
    </message>
    <message>
        <source>No declaration found for the parcel (identifiers: {identifiers})</source>
        <translation>Geen aangifte gevonden voor het pakket (identificatiecodes: {identifiers})</translation>
    </message>
    <message>
        <source>{kind} certificate {number} already used at {post} on {date} (inspection {inspection})</source>
        <translation>{kind}-certificaat {number} al gebruikt op post {post} op {date} (inspectie {inspection})</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aanvaard</translation>
    </message>
    <message>
        <source>no evidence given</source>
        <translation>geen bewijs gegeven</translation>
    </message>
    <message>
        <source>no KP certificate was presented</source>
        <translation>er werd geen KP-certificaat voorgelegd</translation>
    </message>
    <message>
        <source>not a KP certificate number</source>
        <translation>geen KP-certificaatnummer</translation>
    </message>
    <message>
        <source>not in the KP certificate register</source>
        <translation>niet in het register van KP-certificaten</translation>
    </message>
    <message>
        <source>the documents give no seal number</source>
        <translation>de documenten vermelden geen zegelnummer</translation>
    </message>
    <message>
        <source>no seal was scanned</source>
        <translation>er werd geen zegel gescand</translation>
    </message>
    <message>
        <source>weight differs from the KP certificate</source>
        <translation>gewicht wijkt af van het KP-certificaat</translation>
    </message>
    <message>
        <source>weight differs from the declaration</source>
        <translation>gewicht wijkt af van de aangifte</translation>
    </message>
    <message>
        <source>declared carats differ from the KP certificate</source>
        <translation>aangegeven karaat wijkt af van het KP-certificaat</translation>
    </message>
    <message>
        <source>parcel count differs from the KP certificate</source>
        <translation>aantal pakketten wijkt af van het KP-certificaat</translation>
    </message>
    <message>
        <source>no authorisation number given</source>
        <translation>geen vergunningsnummer gegeven</translation>
    </message>
    <message>
        <source>not in the register of authorisations</source>
        <translation>niet in het register van vergunningen</translation>
    </message>
    <message>
        <source>no stone sizes declared (packing list), so no stone is shown to be below it</source>
        <translation>geen steengroottes aangegeven (paklijst), dus voor geen enkele steen is aangetoond dat hij eronder blijft</translation>
    </message>
    <message>
        <source>the documents give no seal number, so the container cannot be shown intact</source>
        <translation>de documenten vermelden geen zegelnummer, dus de container kan niet als intact worden aangetoond</translation>
    </message>
    <message>
        <source>the seals on the container do not match the documents</source>
        <translation>de zegels op de container komen niet overeen met de documenten</translation>
    </message>
    <message>
        <source>the evidence must start with the date the goods were outside Russia (YYYY-MM-DD)</source>
        <translation>het bewijs moet beginnen met de datum waarop de goederen buiten Rusland waren (JJJJ-MM-DD)</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>geen meting</translation>
    </message>
    <message>
        <source>no reference data loaded</source>
        <translation>geen referentiegegevens geladen</translation>
    </message>
    <message>
        <source>no current reference data</source>
        <translation>geen actuele referentiegegevens</translation>
    </message>
    <message>
        <source>exporter</source>
        <translation>exporteur</translation>
    </message>
    <message>
        <source>importer</source>
        <translation>importeur</translation>
    </message>
    <message>
        <source>KP exporter</source>
        <translation>KP-exporteur</translation>
    </message>
    <message>
        <source>KP importer</source>
        <translation>KP-importeur</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>verlopen op %1</translation>
    </message>
    <message>
        <source>issued on %1, after the inspection date</source>
        <translation>uitgereikt op %1, na de inspectiedatum</translation>
    </message>
    <message>
        <source>issuer %1 is not a KP participant</source>
        <translation>uitreiker %1 is geen KP-deelnemer</translation>
    </message>
    <message>
        <source>number prefix %1 is not the issuing country %2</source>
        <translation>nummervoorvoegsel %1 is niet het land van uitreiking %2</translation>
    </message>
    <message>
        <source>the declaration names certificate %1</source>
        <translation>de aangifte vermeldt certificaat %1</translation>
    </message>
    <message>
        <source>seal %1 not found on the parcel</source>
        <translation>zegel %1 niet gevonden op het pakket</translation>
    </message>
    <message>
        <source>seal %1 is not in the documents</source>
        <translation>zegel %1 staat niet in de documenten</translation>
    </message>
    <message>
        <source>not available for CN %1</source>
        <translation>niet beschikbaar voor GN %1</translation>
    </message>
    <message>
        <source>evidence dated %1 does not predate %2</source>
        <translation>bewijs van %1 dateert niet van vóór %2</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 pakketten</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>the hub&apos;s signed data (bundle %1) expired on %2 UTC</source>
        <translation>de ondertekende gegevens van de hub (bundel %1) zijn verlopen op %2 UTC</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (bundle %2 published %3 UTC)</source>
        <translation>kioskgegevens ouder dan %1 u (bundel %2 gepubliceerd %3 UTC)</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (loaded %2 UTC)</source>
        <translation>kioskgegevens ouder dan %1 u (geladen %2 UTC)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its alias &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 &quot;%2&quot; komt overeen met %3, vermelding %4 &quot;%5&quot;, via de alias &quot;%6&quot; (beide gelezen als &quot;%7&quot;)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its listed name &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 &quot;%2&quot; komt overeen met %3, vermelding %4 &quot;%5&quot;, via de vermelde naam &quot;%6&quot; (beide gelezen als &quot;%7&quot;)</translation>
    </message>
    <message>
        <source>%1 stones may reach it and their origin is not evidenced</source>
        <translation>%1 stenen kunnen die bereiken en hun oorsprong is niet aangetoond</translation>
    </message>
    <message>
        <source>band %1 stones of %2 and up cannot weigh %3</source>
        <translation>klasse %1 stenen van %2 en meer kan geen %3 wegen</translation>
    </message>
    <message>
        <source>band %1 stones of %2 to under %3 cannot weigh %4</source>
        <translation>klasse %1 stenen van %2 tot onder %3 kan geen %4 wegen</translation>
    </message>
    <message>
        <source>stone bands add up to %1, declared %2</source>
        <translation>de grootteklassen tellen op tot %1, aangegeven %2</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (at least %4)</source>
        <translation>gemeten %1 (gemiddeld %2 per steen) kan geen %3 stenen van de aangegeven grootten zijn (minstens %4)</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (%4-%5 ct)</source>
        <translation>gemeten %1 (gemiddeld %2 per steen) kan geen %3 stenen van de aangegeven grootten zijn (%4-%5 ct)</translation>
    </message>
    <message>
        <source>mining origin %1</source>
        <translation>mijnbouwoorsprong %1</translation>
    </message>
    <message>
        <source>processed in %1</source>
        <translation>verwerkt in %1</translation>
    </message>
    <message>
        <source>exported from %1</source>
        <translation>uitgevoerd uit %1</translation>
    </message>
    <message>
        <source>transited %1</source>
        <translation>doorgevoerd via %1</translation>
    </message>
    <message>
        <source>KP certificate issued by %1</source>
        <translation>KP-certificaat uitgereikt door %1</translation>
    </message>
    <message>
        <source>KP provenance %1</source>
        <translation>KP-herkomst %1</translation>
    </message>
    <message>
        <source>KP origin %1</source>
        <translation>KP-oorsprong %1</translation>
    </message>
    <message>
        <source>KP certificate number %1</source>
        <translation>KP-certificaatnummer %1</translation>
    </message>
    <message>
        <source>refused, %1</source>
        <translation>geweigerd, %1</translation>
    </message>
</context>
<context>
    <name>SealsPanel</name>
    <message>
        <source>Declared: {seals}</source>
        <translation>Aangegeven: {seals}</translation>
    </message>
    <message>
        <source>No seal declared</source>
        <translation>Geen zegel aangegeven</translation>
    </message>
    <message>
        <source>none scanned</source>
        <translation>geen gescand</translation>
    </message>
    <message>
        <source>{seal} (none declared)</source>
        <translation>{seal} (geen aangegeven)</translation>
    </message>
    <message>
        <source>{seal} ✔ declared</source>
        <translation>{seal} ✔ aangegeven</translation>
    </message>
    <message>
        <source>{seal} ✖ not declared</source>
        <translation>{seal} ✖ niet aangegeven</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Zegels</translation>
    </message>
    <message>
        <source>Old seal:</source>
        <translation>Oud zegel:</translation>
    </message>
    <message>
        <source>New seal applied after the inspection</source>
        <translation>Nieuw zegel aangebracht na de inspectie</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aanbrengen</translation>
    </message>
    <message>
        <source>New seal ✔</source>
        <translation>Nieuw zegel ✔</translation>
    </message>
    <message>
        <source>New seal</source>
        <translation>Nieuw zegel</translation>
    </message>
    <message>
        <source>Recorded: {seal}</source>
        <translation>Vastgelegd: {seal}</translation>
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
        <translation>supervisor</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technicus</translation>
    </message>
    <message>
        <source>Badge read: PIN for %1</source>
        <translation>Badge gelezen: pincode voor %1</translation>
    </message>
    <message>
        <source>◔ Wait %1 s before the next try.</source>
        <translation>◔ Wacht %1 s voor de volgende poging.</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Scherm vergrendeld</translation>
    </message>
    <message>
        <source>Inspection Kiosk — sign in</source>
        <translation>Inspectiekiosk — aanmelden</translation>
    </message>
    <message>
        <source>%1&apos;s parcel %2 is kept as it is. %1 or a supervisor types the PIN to go on; anyone else chooses their name and takes the parcel over.</source>
        <translation>Pakket %2 van %1 blijft zoals het is. %1 of een supervisor tikt de pincode in om verder te gaan; iemand anders kiest zijn naam en neemt het pakket over.</translation>
    </message>
    <message>
        <source>%1&apos;s session is locked. %1 or a supervisor types the PIN to go on; anyone else chooses their name to sign in.</source>
        <translation>De sessie van %1 is vergrendeld. %1 of een supervisor tikt de pincode in om verder te gaan; iemand anders kiest zijn naam om zich aan te melden.</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Wie bent u?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>No users are set up on this kiosk. Ask the technician.</source>
        <translation>Er zijn geen gebruikers ingesteld op deze kiosk. Vraag het aan de technicus.</translation>
    </message>
    <message>
        <source>Present your badge or choose your name</source>
        <translation>Toon uw badge of kies uw naam</translation>
    </message>
    <message>
        <source>PIN digits entered</source>
        <translation>Ingetikte cijfers van de pincode</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Kies eerst uw naam.</translation>
    </message>
    <message>
        <source>Type your PIN, then press OK.</source>
        <translation>Tik uw pincode in en druk dan op OK.</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>Pincode voor %1</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <source>Simulated devices</source>
        <translation>Gesimuleerde toestellen</translation>
    </message>
    <message>
        <source>present a sample parcel:</source>
        <translation>bied een voorbeeldpakket aan:</translation>
    </message>
    <message>
        <source>Present %1</source>
        <translation>Aanbieden %1</translation>
    </message>
    <message>
        <source>Code to scan, e.g. BW2026004417</source>
        <translation>Te scannen code, bv. BW2026004417</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <source>Weight in ct, e.g. 512.450</source>
        <translation>Gewicht in ct, bv. 512,450</translation>
    </message>
    <message>
        <source>Put on scale</source>
        <translation>Op weegschaal leggen</translation>
    </message>
    <message>
        <source>Empty scale</source>
        <translation>Weegschaal leegmaken</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Scale</source>
        <translation>Weegschaal</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Lezer</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbonden</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>start op</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>opnieuw verbinden</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>drukt af</translation>
    </message>
    <message>
        <source>off</source>
        <translation>uit</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>niet verbonden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>inspecteur</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>technicus</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>No reference data</source>
        <translation>Geen referentiegegevens</translation>
    </message>
    <message>
        <source>No sanctions lists or certificate register loaded</source>
        <translation>Geen sanctielijsten of certificatenregister geladen</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>VEROUDERD</translation>
    </message>
    <message>
        <source>update due</source>
        <translation>update nodig</translation>
    </message>
    <message>
        <source>Published %1, loaded %2</source>
        <translation>Gepubliceerd %1, geladen %2</translation>
    </message>
    <message>
        <source>older than the limit: no parcel is cleared on it alone</source>
        <translation>ouder dan de grens: hierop alleen wordt geen pakket vrijgegeven</translation>
    </message>
    <message>
        <source>No report from the device yet</source>
        <translation>Nog geen melding van het toestel</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
</context>
<context>
    <name>StepStrip</name>
    <message>
        <source>Identify</source>
        <translation>Identificeren</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>Wegen</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Aangifte</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Sign in to start a parcel</source>
        <translation>Meld u aan om een pakket te beginnen</translation>
    </message>
    <message>
        <source>Scan the KP certificate</source>
        <translation>Scan het KP-certificaat</translation>
    </message>
    <message>
        <source>Place the parcel on the scale</source>
        <translation>Leg het pakket op de weegschaal</translation>
    </message>
    <message>
        <source>Hold the parcel under the camera</source>
        <translation>Houd het pakket onder de camera</translation>
    </message>
    <message>
        <source>Scan the MRN or type the declaration</source>
        <translation>Scan de MRN of tik de aangifte in</translation>
    </message>
    <message>
        <source>Press Check now</source>
        <translation>Druk op Nu controleren</translation>
    </message>
    <message>
        <source>Slip printed: press Next parcel</source>
        <translation>Bon afgedrukt: druk op Volgend pakket</translation>
    </message>
    <message>
        <source>Print the slip or call a supervisor</source>
        <translation>Druk de bon af of roep een supervisor</translation>
    </message>
    <message>
        <source>Keep the parcel; print the slip</source>
        <translation>Houd het pakket vast; druk de bon af</translation>
    </message>
    <message>
        <source>Apply the new seal, then print the slip</source>
        <translation>Breng het nieuwe zegel aan en druk dan de bon af</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>to do next</source>
        <translation>nu te doen</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>te doen</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Volgende stap: {step}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Fetch data updates and send waiting records now</source>
        <translation>Gegevensupdates nu ophalen en wachtende records versturen</translation>
    </message>
    <message>
        <source>Data in use</source>
        <translation>Gegevens in gebruik</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Laatste synchronisatie</translation>
    </message>
    <message>
        <source>Records to send</source>
        <translation>Te versturen records</translation>
    </message>
    <message>
        <source>Sync started…</source>
        <translation>Synchronisatie gestart…</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zonet</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>the sample data set</source>
        <translation>de voorbeeldgegevensset</translation>
    </message>
    <message>
        <source>the local database</source>
        <translation>de lokale database</translation>
    </message>
    <message>
        <source>No hub configured — data from %1</source>
        <translation>Geen hub ingesteld — gegevens uit %1</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchroniseren met %1…</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>✖ No reference data loaded</source>
        <translation>✖ Geen referentiegegevens geladen</translation>
    </message>
    <message>
        <source>Version %1, published %2</source>
        <translation>Versie %1, gepubliceerd %2</translation>
    </message>
    <message>
        <source>STALE: no parcel is cleared on it</source>
        <translation>VEROUDERD: hierop wordt geen pakket vrijgegeven</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>verloopt %1</translation>
    </message>
    <message>
        <source>Sync is off at this post.</source>
        <translation>Synchronisatie staat uit op deze post.</translation>
    </message>
    <message>
        <source>○ Not synced yet</source>
        <translation>○ Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>✖ Failed: %1</source>
        <translation>✖ Mislukt: %1</translation>
    </message>
    <message>
        <source>✖ AUDIT BREAK: the hub found this kiosk&apos;s audit trail changed (%1). Tell a supervisor.</source>
        <translation>✖ AUDITBREUK: de hub stelde vast dat het auditspoor van deze kiosk gewijzigd is (%1). Verwittig een supervisor.</translation>
    </message>
    <message>
        <source>● OK</source>
        <translation>● OK</translation>
    </message>
    <message>
        <source>KP certificates</source>
        <translation>KP-certificaten</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>Aangiften</translation>
    </message>
    <message>
        <source>Sanctioned parties</source>
        <translation>Gesanctioneerde partijen</translation>
    </message>
    <message>
        <source>KP participants</source>
        <translation>KP-deelnemers</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Laatste poging: %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Laatste succes: %1</translation>
    </message>
    <message>
        <source>%1 record(s) waiting for the hub</source>
        <translation>%1 record(s) wachten op de hub</translation>
    </message>
    <message>
        <source>%1 failed at the last attempt</source>
        <translation>%1 mislukt bij de laatste poging</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>No sources listed.</source>
        <translation>Geen bronnen vermeld.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Verdict: %1</source>
        <translation>Beslissing: %1</translation>
    </message>
</context>
<context>
    <name>WeightDisplay</name>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>Stabiliteit</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Aangegeven</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>KP-cert.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>Geen meting</translation>
    </message>
    <message>
        <source>{weight} at {time}</source>
        <translation>{weight} om {time}</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Nog niet vastgelegd</translation>
    </message>
    <message>
        <source>⚠ outside tolerance</source>
        <translation>⚠ buiten tolerantie</translation>
    </message>
    <message>
        <source>✔ within tolerance</source>
        <translation>✔ binnen tolerantie</translation>
    </message>
    <message>
        <source>Tolerance ±{limit} ct</source>
        <translation>Tolerantie ±{limit} ct</translation>
    </message>
</context>
</TS>
