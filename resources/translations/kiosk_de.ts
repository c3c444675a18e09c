<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_BE">
<context>
    <name>CameraView</name>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera disconnected</source>
        <translation>Kamera getrennt</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Warten auf die Kamera…</translation>
    </message>
</context>
<context>
    <name>DeclarationForm</name>
    <message>
        <source>{field}: give at least one country code</source>
        <translation>{field}: mindestens einen Ländercode angeben</translation>
    </message>
    <message>
        <source>{field}: {code} is not a two-letter country code (e.g. BW)</source>
        <translation>{field}: {code} ist kein zweistelliger Ländercode (z. B. BW)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a weight in carats</source>
        <translation>{field}: {text} ist kein Gewicht in Karat</translation>
    </message>
    <message>
        <source>{field}: the weight must be more than 0 ct</source>
        <translation>{field}: das Gewicht muss über 0 ct liegen</translation>
    </message>
    <message>
        <source>{field}: at most 3 decimals (0.001 ct)</source>
        <translation>{field}: höchstens 3 Dezimalstellen (0,001 ct)</translation>
    </message>
    <message>
        <source>{field}: {text} is not a whole number</source>
        <translation>{field}: {text} ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>{field}: at least {minimum}</source>
        <translation>{field}: mindestens {minimum}</translation>
    </message>
    <message>
        <source>under {max} ct</source>
        <translation>unter {max} ct</translation>
    </message>
    <message>
        <source>{min} ct and over</source>
        <translation>ab {min} ct</translation>
    </message>
    <message>
        <source>{min} to {max} ct</source>
        <translation>{min} bis {max} ct</translation>
    </message>
    <message>
        <source>{field}: required (it is screened against the sanctions lists)</source>
        <translation>{field}: Pflicht (wird mit den Sanktionslisten abgeglichen)</translation>
    </message>
    <message>
        <source>{field}: {code} is not a CN/HS code (e.g. 7102.31.00)</source>
        <translation>{field}: {code} ist kein KN/HS-Code (z. B. 7102.31.00)</translation>
    </message>
    <message>
        <source>{field}: one country (where the parcel was shipped from)</source>
        <translation>{field}: ein Land (aus dem das Paket versandt wurde)</translation>
    </message>
    <message>
        <source>{field}: at most one country</source>
        <translation>{field}: höchstens ein Land</translation>
    </message>
    <message>
        <source>typed at the kiosk</source>
        <translation>am Terminal eingegeben</translation>
    </message>
    <message>
        <source>Declaration typed in (none was found)</source>
        <translation>Anmeldung eingegeben (keine gefunden)</translation>
    </message>
    <message>
        <source>e.g. DO-2026-001</source>
        <translation>z. B. DO-2026-001</translation>
    </message>
    <message>
        <source>e.g. BW2026004417</source>
        <translation>z. B. BW2026004417</translation>
    </message>
    <message>
        <source>e.g. BW, ZA</source>
        <translation>z. B. BW, ZA</translation>
    </message>
    <message>
        <source>e.g. AE</source>
        <translation>z. B. AE</translation>
    </message>
    <message>
        <source>if cut, e.g. IN</source>
        <translation>falls geschliffen, z. B. IN</translation>
    </message>
    <message>
        <source>e.g. 1250.400</source>
        <translation>z. B. 1250,400</translation>
    </message>
    <message>
        <source>Stones by size class (packing list)</source>
        <translation>Steine nach Größenklasse (Packliste)</translation>
    </message>
    <message>
        <source>Stones</source>
        <translation>Steine</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Karat</translation>
    </message>
    <message>
        <source>✔  Save declaration</source>
        <translation>✔  Anmeldung speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Empty size classes are left out; the checks run again.</source>
        <translation>Leere Größenklassen werden ausgelassen; die Prüfungen laufen erneut.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>KP-Zertifikat</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Ausführer</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Einführer</translation>
    </message>
    <message>
        <source>CN/HS code</source>
        <translation>KN/HS-Code</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Processed in</source>
        <translation>Verarbeitet in</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>Stones {label}: give both the number of stones and their carats</source>
        <translation>Steine {label}: geben Sie Anzahl der Steine und ihre Karat an</translation>
    </message>
    <message>
        <source>Stones {label}</source>
        <translation>Steine {label}</translation>
    </message>
    <message>
        <source>Carats {label}</source>
        <translation>Karat {label}</translation>
    </message>
    <message>
        <source>Stones by size class: their carats add up to more than the parcel&apos;s</source>
        <translation>Steine nach Größenklasse: ihre Karat ergeben mehr als die des Pakets</translation>
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
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Seriennr.</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Read the scale once and show the reply</source>
        <translation>Die Waage einmal auslesen und die Antwort zeigen</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tara</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>A test picture; it is not added to a parcel</source>
        <translation>Ein Testbild; es wird keinem Paket zugeordnet</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <source>Serial ports</source>
        <translation>Serielle Anschlüsse</translation>
    </message>
    <message>
        <source>Detect ports</source>
        <translation>Anschlüsse suchen</translation>
    </message>
    <message>
        <source>Probe the serial ports for balances (the kiosk&apos;s own ports are skipped)</source>
        <translation>Serielle Anschlüsse nach Waagen abfragen (die eigenen Anschlüsse des Terminals werden übersprungen)</translation>
    </message>
    <message>
        <source>Read-only: a technician signs in to test or change the devices.</source>
        <translation>Nur lesen: Zum Testen oder Ändern der Geräte meldet sich die Technik an.</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <source>Leave full screen so the kiosk can be closed (recorded)</source>
        <translation>Vollbild verlassen, damit das Terminal geschlossen werden kann (wird protokolliert)</translation>
    </message>
    <message>
        <source>Press Detect ports to look for balances.</source>
        <translation>Drücken Sie Anschlüsse suchen, um Waagen zu suchen.</translation>
    </message>
    <message>
        <source>Scale zeroed.</source>
        <translation>Waage genullt.</translation>
    </message>
    <message>
        <source>Scale tared.</source>
        <translation>Waage tariert.</translation>
    </message>
    <message>
        <source>Scale read: %1 (reply %2)</source>
        <translation>Waage gelesen: %1 (Antwort %2)</translation>
    </message>
    <message>
        <source>Test slip sent to %1.</source>
        <translation>Testbeleg an %1 gesendet.</translation>
    </message>
    <message>
        <source>Test print failed: %1</source>
        <translation>Testdruck fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Snapshot saved: %1 (%2 x %3)</source>
        <translation>Foto gespeichert: %1 (%2 x %3)</translation>
    </message>
    <message>
        <source>Probing the serial ports…</source>
        <translation>Serielle Anschlüsse werden abgefragt…</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>No serial ports found.</source>
        <translation>Keine seriellen Anschlüsse gefunden.</translation>
    </message>
    <message>
        <source>%1 port(s) found:</source>
        <translation>%1 Anschluss/Anschlüsse gefunden:</translation>
    </message>
    <message>
        <source>nothing answered</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>Not looked up yet</source>
        <translation>Noch nicht nachgeschlagen</translation>
    </message>
    <message>
        <source>No declaration found</source>
        <translation>Keine Anmeldung gefunden</translation>
    </message>
    <message>
        <source>No KP certificate found</source>
        <translation>Kein KP-Zertifikat gefunden</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>ABGELAUFEN</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Ausführer</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Einführer</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>KP-Zert.</translation>
    </message>
    <message>
        <source>Carats</source>
        <translation>Karat</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Unterlagen</translation>
    </message>
    <message>
        <source>1 parcel</source>
        <translation>1 Paket</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 Pakete</translation>
    </message>
    <message>
        <source>cut in %1</source>
        <translation>geschliffen in %1</translation>
    </message>
    <message>
        <source>shipped from %1</source>
        <translation>versandt aus %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab %1</translation>
    </message>
    <message>
        <source>%1 (mixed)</source>
        <translation>%1 (gemischt)</translation>
    </message>
    <message>
        <source>%1; origin %2; %3 parcel(s)</source>
        <translation>%1; Ursprung %2; %3 Paket(e)</translation>
    </message>
    <message>
        <source>declared %1</source>
        <translation>angemeldet %1</translation>
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
        <translation>STÖRUNG</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Try again (Enter)</source>
        <translation>Erneut versuchen (Eingabe)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>KP certificate</source>
        <translation>KP-Zertifikat</translation>
    </message>
    <message>
        <source>G7 certificate</source>
        <translation>G7-Zertifikat</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>MRN</translation>
    </message>
    <message>
        <source>Air waybill</source>
        <translation>Luftfrachtbrief</translation>
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
        <translation>RFID-Etikett (EPC)</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>Siegel</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>✔ STABLE</source>
        <translation>✔ STABIL</translation>
    </message>
    <message>
        <source>settling…</source>
        <translation>beruhigt sich…</translation>
    </message>
    <message>
        <source>OVERLOAD – remove weight</source>
        <translation>ÜBERLAST – Gewicht entfernen</translation>
    </message>
    <message>
        <source>UNDERLOAD – zero the balance</source>
        <translation>UNTERLAST – Waage nullstellen</translation>
    </message>
    <message>
        <source>BUSY – balance working</source>
        <translation>BESCHÄFTIGT – Waage arbeitet</translation>
    </message>
    <message>
        <source>BALANCE ERROR</source>
        <translation>WAAGENFEHLER</translation>
    </message>
    <message>
        <source>SCALE DISCONNECTED</source>
        <translation>WAAGE GETRENNT</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stabil</translation>
    </message>
    <message>
        <source>settling</source>
        <translation>stabilisiert</translation>
    </message>
    <message>
        <source>overload</source>
        <translation>Überlast</translation>
    </message>
    <message>
        <source>underload</source>
        <translation>Unterlast</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>FREIGABE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>BEFREIUNG</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>ZURÜCKHALTUNG</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>ABLEHNUNG</translation>
    </message>
    <message>
        <source>All checks passed: the parcel may be released</source>
        <translation>Alle Prüfungen bestanden: das Paket darf freigegeben werden</translation>
    </message>
    <message>
        <source>Exemption applies: the parcel may be released</source>
        <translation>Eine Befreiung gilt: das Paket darf freigegeben werden</translation>
    </message>
    <message>
        <source>Do not release yet</source>
        <translation>Noch nicht freigeben</translation>
    </message>
    <message>
        <source>Do not release: import prohibited</source>
        <translation>Nicht freigeben: Einfuhr verboten</translation>
    </message>
    <message>
        <source>Waiting for identifiers, weight and photo</source>
        <translation>Warten auf Kennungen, Gewicht und Foto</translation>
    </message>
    <message>
        <source>Waiting for identifiers and weight</source>
        <translation>Warten auf Kennungen und Gewicht</translation>
    </message>
    <message>
        <source>Waiting for identifiers and photo</source>
        <translation>Warten auf Kennungen und Foto</translation>
    </message>
    <message>
        <source>Waiting for weight and photo</source>
        <translation>Warten auf Gewicht und Foto</translation>
    </message>
    <message>
        <source>Waiting for identifiers</source>
        <translation>Warten auf Kennungen</translation>
    </message>
    <message>
        <source>Waiting for weight</source>
        <translation>Warten auf Gewicht</translation>
    </message>
    <message>
        <source>Waiting for photo</source>
        <translation>Warten auf Foto</translation>
    </message>
    <message>
        <source>Ready: press Check now</source>
        <translation>Bereit: Jetzt prüfen drücken</translation>
    </message>
    <message>
        <source>documents produced</source>
        <translation>Unterlagen vorgelegt</translation>
    </message>
    <message>
        <source>weighing error</source>
        <translation>Wägefehler</translation>
    </message>
    <message>
        <source>seal explained</source>
        <translation>Siegel erklärt</translation>
    </message>
    <message>
        <source>data outdated</source>
        <translation>Daten veraltet</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>collecting</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>storniert</translation>
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
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min old</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h old</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d old</source>
        <translation>vor %1 T</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 T</translation>
    </message>
    <message>
        <source>Data %1 · %2</source>
        <translation>Daten %1 · %2</translation>
    </message>
    <message>
        <source>WAITING</source>
        <translation>WARTEN</translation>
    </message>
    <message>
        <source>Override of %1 by %2: %3</source>
        <translation>%1 aufgehoben durch %2: %3</translation>
    </message>
    <message>
        <source>%1 — 1 reason: %2</source>
        <translation>%1 — 1 Grund: %2</translation>
    </message>
    <message>
        <source>%1 — %3 reasons: %2</source>
        <translation>%1 — %3 Gründe: %2</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>entschieden</translation>
    </message>
    <message>
        <source>overridden</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <source>reprinted</source>
        <translation>erneut gedruckt</translation>
    </message>
    <message>
        <source>slip written</source>
        <translation>Beleg erstellt</translation>
    </message>
    <message>
        <source>new seal applied</source>
        <translation>neues Siegel angebracht</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>End-of-shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>KP monthly report</source>
        <translation>KP-Monatsbericht</translation>
    </message>
    <message>
        <source>Back to inspection</source>
        <translation>Zur Kontrolle</translation>
    </message>
    <message>
        <source>&amp;Identifier or inspection id</source>
        <translation>&amp;Kennung oder Kontrollnummer</translation>
    </message>
    <message>
        <source>KP, MRN, AWB, seal…</source>
        <translation>KP, MRN, AWB, Siegel…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>&amp;Verdict</source>
        <translation>&amp;Entscheidung</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Stelle</translation>
    </message>
    <message>
        <source>all posts</source>
        <translation>alle Stellen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <source>KP certificate</source>
        <translation>KP-Zertifikat</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Kontrolleur(in)</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Aufhebung</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Neuer</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Älter ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Back to results</source>
        <translation>Zurück zu den Ergebnissen</translation>
    </message>
    <message>
        <source>IDENTIFIERS</source>
        <translation>KENNUNGEN</translation>
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
        <translation>GRÜNDE UND RECHTSGRUNDLAGE</translation>
    </message>
    <message>
        <source>SLIP</source>
        <translation>BELEG</translation>
    </message>
    <message>
        <source>AUDIT TRAIL</source>
        <translation>PRÜFPFAD</translation>
    </message>
    <message>
        <source>Reprint slip</source>
        <translation>Beleg nachdrucken</translation>
    </message>
    <message>
        <source>Re-check under the rules of its date</source>
        <translation>Nach den Regeln seines Datums neu prüfen</translation>
    </message>
    <message>
        <source>Press Search to list inspections</source>
        <translation>Suchen drücken, um Kontrollen aufzulisten</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Jede Entscheidung</translation>
    </message>
    <message>
        <source>✔ CLEAR</source>
        <translation>✔ FREIGABE</translation>
    </message>
    <message>
        <source>✔ EXEMPT</source>
        <translation>✔ BEFREIUNG</translation>
    </message>
    <message>
        <source>! HOLD</source>
        <translation>! ZURÜCKHALTUNG</translation>
    </message>
    <message>
        <source>✖ REFUSE</source>
        <translation>✖ ABLEHNUNG</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Aufgehoben</translation>
    </message>
    <message>
        <source>CLEAR</source>
        <translation>FREIGABE</translation>
    </message>
    <message>
        <source>EXEMPT</source>
        <translation>BEFREIUNG</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>ZURÜCKHALTUNG</translation>
    </message>
    <message>
        <source>REFUSE</source>
        <translation>ABLEHNUNG</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>keine Entscheidung</translation>
    </message>
    <message>
        <source>Inspections {first}–{last}, newest first</source>
        <translation>Kontrollen {first}–{last}, neueste zuerst</translation>
    </message>
    <message>
        <source>No inspection matches the search.</source>
        <translation>Keine Kontrolle entspricht der Suche.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: same verdict ({now}), same reasons.</source>
        <translation>Neu geprüft nach den Regeln vom {day}: gleiche Entscheidung ({now}), gleiche Gründe.</translation>
    </message>
    <message>
        <source>Re-checked under the rules of {day}: recorded {before}, now {now}.</source>
        <translation>Neu geprüft nach den Regeln vom {day}: erfasst {before}, jetzt {now}.</translation>
    </message>
    <message>
        <source>New: {reason}</source>
        <translation>Neu: {reason}</translation>
    </message>
    <message>
        <source>No longer: {reason}</source>
        <translation>Nicht mehr: {reason}</translation>
    </message>
    <message>
        <source>Slip reprinted: {where}</source>
        <translation>Beleg nachgedruckt: {where}</translation>
    </message>
    <message>
        <source>Report written: {path}</source>
        <translation>Bericht geschrieben: {path}</translation>
    </message>
    <message>
        <source>Re-checking…</source>
        <translation>Neuprüfung…</translation>
    </message>
    <message>
        <source>Cannot search: {why}</source>
        <translation>Suche nicht möglich: {why}</translation>
    </message>
    <message>
        <source>✎ overridden by {name}</source>
        <translation>✎ aufgehoben durch {name}</translation>
    </message>
    <message>
        <source>Inspection {id} · {when}</source>
        <translation>Kontrolle {id} · {when}</translation>
    </message>
    <message>
        <source>{kind}: {value} ({source})</source>
        <translation>{kind}: {value} ({source})</translation>
    </message>
    <message>
        <source> — invalid: {why}</source>
        <translation> — ungültig: {why}</translation>
    </message>
    <message>
        <source>Declaration {ref}</source>
        <translation>Anmeldung {ref}</translation>
    </message>
    <message>
        <source>KP certificate on file: {carats} ct, {parcels} parcel(s), US$ {value}</source>
        <translation>KP-Zertifikat im Register: {carats} ct, {parcels} Paket(e), US$ {value}</translation>
    </message>
    <message>
        <source>Inspector: {name}</source>
        <translation>Kontrolleur(in): {name}</translation>
    </message>
    <message>
        <source>Post {post}, kiosk {kiosk}</source>
        <translation>Stelle {post}, Terminal {kiosk}</translation>
    </message>
    <message>
        <source>No identifier recorded.</source>
        <translation>Keine Kennung erfasst.</translation>
    </message>
    <message>
        <source>No weight recorded.</source>
        <translation>Kein Gewicht erfasst.</translation>
    </message>
    <message>
        <source>{carats} ct, stable, at {when}
scale {scale}, reply “{raw}”</source>
        <translation>{carats} ct, stabil, am {when}
Waage {scale}, Antwort „{raw}“</translation>
    </message>
    <message>
        <source>{before} → {after}: overridden by {supervisor} (supervisor) for {inspector} (inspector) at {when}; code {code}: “{text}”</source>
        <translation>{before} → {after}: aufgehoben durch {supervisor} (Vorgesetzte) für {inspector} (Kontrolle) am {when}; Code {code}: „{text}“</translation>
    </message>
    <message>
        <source>No slip: the inspection has no verdict.</source>
        <translation>Kein Beleg: die Kontrolle hat keine Entscheidung.</translation>
    </message>
    <message>
        <source>The slip file is missing: Reprint makes a new copy marked REPRINT.</source>
        <translation>Die Belegdatei fehlt: Nachdruck erstellt eine neue Kopie mit dem Vermerk REPRINT.</translation>
    </message>
    <message>
        <source>Slip printed {when}.</source>
        <translation>Beleg gedruckt {when}.</translation>
    </message>
    <message>
        <source>Slip written, never printed.</source>
        <translation>Beleg geschrieben, nie gedruckt.</translation>
    </message>
    <message>
        <source>Reprinted {n} time(s).</source>
        <translation>{n}-mal nachgedruckt.</translation>
    </message>
</context>
<context>
    <name>IdentifierPanel</name>
    <message>
        <source>scanned</source>
        <translation>gescannt</translation>
    </message>
    <message>
        <source>RFID</source>
        <translation>RFID</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>eingegeben</translation>
    </message>
    <message>
        <source>%1 · valid · %2</source>
        <translation>%1 · gültig · %2</translation>
    </message>
    <message>
        <source>%1 · INVALID: %2 · %3</source>
        <translation>%1 · UNGÜLTIG: %2 · %3</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>nicht erkannt</translation>
    </message>
    <message>
        <source>? Not recognised yet: {problem}</source>
        <translation>? Noch nicht erkannt: {problem}</translation>
    </message>
    <message>
        <source>✔ {kind} · valid (check digit OK)</source>
        <translation>✔ {kind} · gültig (Prüfziffer OK)</translation>
    </message>
    <message>
        <source>✖ {kind} · {problem}</source>
        <translation>✖ {kind} · {problem}</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Kennungen</translation>
    </message>
    <message>
        <source>Scan the KP certificate, MRN, air waybill or seal, or type a code below.</source>
        <translation>Scannen Sie das KP-Zertifikat, die MRN, den Luftfrachtbrief oder das Siegel, oder geben Sie unten einen Code ein.</translation>
    </message>
    <message>
        <source>Type a code</source>
        <translation>Code eingeben</translation>
    </message>
    <message>
        <source>Type an identifier that does not scan</source>
        <translation>Eine Kennung eingeben, die sich nicht scannen lässt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Typed code check</source>
        <translation>Prüfung des eingegebenen Codes</translation>
    </message>
</context>
<context>
    <name>IdentifierRow</name>
    <message>
        <source>Received: %1</source>
        <translation>Empfangen: %1</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <source>Zero</source>
        <translation>Null</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tara</translation>
    </message>
    <message>
        <source>✔  Check now</source>
        <translation>✔  Jetzt prüfen</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdruck</translation>
    </message>
    <message>
        <source>Print the stored slip again; recorded as a reprint</source>
        <translation>Den gespeicherten Beleg erneut drucken; als Nachdruck erfasst</translation>
    </message>
    <message>
        <source>Next parcel  →</source>
        <translation>Nächstes Paket  →</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Aufheben…</translation>
    </message>
    <message>
        <source>A supervisor lifts the hold</source>
        <translation>Eine vorgesetzte Person hebt die Zurückhaltung auf</translation>
    </message>
    <message>
        <source>Type the declaration…</source>
        <translation>Anmeldung eingeben…</translation>
    </message>
    <message>
        <source>No declaration was found: type it in from the documents</source>
        <translation>Keine Anmeldung gefunden: geben Sie sie aus den Unterlagen ein</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Reasons and legal basis</source>
        <translation>Gründe und Rechtsgrundlage</translation>
    </message>
    <message>
        <source>Parcel {id} · {state} · started {time}</source>
        <translation>Paket {id} · {state} · begonnen {time}</translation>
    </message>
    <message>
        <source>{outcome} — overridden by {name} ({code})</source>
        <translation>{outcome} — aufgehoben durch {name} ({code})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Slip printed: %1</source>
        <translation>Beleg gedruckt: %1</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>Drucken fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Override recorded</source>
        <translation>Aufhebung erfasst</translation>
    </message>
    <message>
        <source>%1. The slip now carries both names: press Print slip.</source>
        <translation>%1. Der Beleg trägt jetzt beide Namen: Beleg drucken drücken.</translation>
    </message>
    <message>
        <source>Override refused: %1</source>
        <translation>Aufhebung abgelehnt: %1</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>anmelden</translation>
    </message>
    <message>
        <source>add the identifier</source>
        <translation>die Kennung hinzufügen</translation>
    </message>
    <message>
        <source>lock the screen</source>
        <translation>den Bildschirm sperren</translation>
    </message>
    <message>
        <source>Trying the database again…</source>
        <translation>Datenbank wird erneut versucht…</translation>
    </message>
    <message>
        <source>open the database</source>
        <translation>die Datenbank öffnen</translation>
    </message>
    <message>
        <source>Still not answering (checked at %1). The kiosk keeps trying.</source>
        <translation>Immer noch keine Antwort (geprüft um %1). Das Terminal versucht es weiter.</translation>
    </message>
    <message>
        <source>The scale is not answering</source>
        <translation>Die Waage antwortet nicht</translation>
    </message>
    <message>
        <source>The scale is disconnected.</source>
        <translation>Die Waage ist getrennt.</translation>
    </message>
    <message>
        <source>Check the scale&apos;s cable and power switch. The kiosk reconnects by itself and this panel closes when the scale answers; the parcel under way is kept.</source>
        <translation>Prüfen Sie Kabel und Netzschalter der Waage. Das Terminal verbindet sich selbst neu und diese Anzeige schließt sich, sobald die Waage antwortet; das laufende Paket bleibt erhalten.</translation>
    </message>
    <message>
        <source>check the parcel</source>
        <translation>das Paket prüfen</translation>
    </message>
    <message>
        <source>print the slip</source>
        <translation>den Beleg drucken</translation>
    </message>
    <message>
        <source>reprint the slip</source>
        <translation>den Beleg nachdrucken</translation>
    </message>
    <message>
        <source>record the declaration</source>
        <translation>die Anmeldung erfassen</translation>
    </message>
    <message>
        <source>record the new seal</source>
        <translation>das neue Siegel erfassen</translation>
    </message>
    <message>
        <source>start the next parcel</source>
        <translation>das nächste Paket beginnen</translation>
    </message>
    <message>
        <source>sign out</source>
        <translation>abmelden</translation>
    </message>
    <message>
        <source>zero the scale</source>
        <translation>die Waage nullstellen</translation>
    </message>
    <message>
        <source>tare the scale</source>
        <translation>die Waage tarieren</translation>
    </message>
    <message>
        <source>There is no verdict to override.</source>
        <translation>Es gibt keine Entscheidung zum Aufheben.</translation>
    </message>
    <message>
        <source>Could not list the supervisors: %1</source>
        <translation>Vorgesetzte konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>record the override</source>
        <translation>die Aufhebung erfassen</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Konnte nicht %1: %2</translation>
    </message>
    <message>
        <source>Inspection Kiosk — %1</source>
        <translation>Kontrollterminal — %1</translation>
    </message>
    <message>
        <source>Only a signed-in technician can leave kiosk mode.</source>
        <translation>Nur angemeldete Technik kann den Kioskmodus verlassen.</translation>
    </message>
    <message>
        <source>Kiosk mode left: the window can now be closed.</source>
        <translation>Kioskmodus verlassen: das Fenster kann jetzt geschlossen werden.</translation>
    </message>
    <message>
        <source>Your role may not open any screen here.</source>
        <translation>Ihre Rolle darf hier keinen Bildschirm öffnen.</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>Die Datenbank kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Nothing already saved is lost. Check the disk and the database settings, or call the technician, then press Retry.</source>
        <translation>Bereits Gespeichertes geht nicht verloren. Prüfen Sie die Festplatte und die Datenbankeinstellungen oder rufen Sie die Technik, dann drücken Sie Wiederholen.</translation>
    </message>
    <message>
        <source>read the badge</source>
        <translation>den Ausweis lesen</translation>
    </message>
    <message>
        <source>Close menu</source>
        <translation>Menü schließen</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Data &amp; sync</source>
        <translation>Daten &amp; Sync</translation>
    </message>
    <message>
        <source>Could not list the users: %1</source>
        <translation>Benutzer konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>MessageArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>nothing was read</source>
        <translation>es wurde nichts gelesen</translation>
    </message>
    <message>
        <source>not a recognised identifier</source>
        <translation>keine erkannte Kennung</translation>
    </message>
    <message>
        <source>too long for an identifier ({length} characters, at most {limit})</source>
        <translation>zu lang für eine Kennung ({length} Zeichen, höchstens {limit})</translation>
    </message>
    <message>
        <source>an RFID tag id has only letters and digits</source>
        <translation>eine RFID-Tag-Kennung besteht nur aus Buchstaben und Ziffern</translation>
    </message>
    <message>
        <source>an RFID tag id has 4 to 32 characters, found {count}</source>
        <translation>eine RFID-Tag-Kennung hat 4 bis 32 Zeichen, gefunden: {count}</translation>
    </message>
    <message>
        <source>{country} is not an ISO 3166-1 country code</source>
        <translation>{country} ist kein Ländercode nach ISO 3166-1</translation>
    </message>
    <message>
        <source>a G7 certificate serial has at least 3 characters with a digit</source>
        <translation>eine G7-Zertifikatsnummer hat mindestens 3 Zeichen mit einer Ziffer</translation>
    </message>
    <message>
        <source>a seal number has 5 to 12 digits, found {count}</source>
        <translation>eine Siegelnummer hat 5 bis 12 Ziffern, gefunden: {count}</translation>
    </message>
    <message>
        <source>the 17th character (procedure category) must be a letter, not {found}</source>
        <translation>das 17. Zeichen (Verfahrenskategorie) muss ein Buchstabe sein, nicht {found}</translation>
    </message>
    <message>
        <source>check character is {found}, expected {expected}</source>
        <translation>Prüfzeichen ist {found}, erwartet {expected}</translation>
    </message>
    <message>
        <source>check digit is {found}, expected {expected}</source>
        <translation>Prüfziffer ist {found}, erwartet {expected}</translation>
    </message>
    <message>
        <source>{kind} check digit is {found}, expected {expected}</source>
        <translation>{kind}-Prüfziffer ist {found}, erwartet {expected}</translation>
    </message>
    <message>
        <source>an SSCC after AI (00) has 18 digits</source>
        <translation>eine SSCC nach AI (00) hat 18 Ziffern</translation>
    </message>
    <message>
        <source>a GTIN after AI (01) has 14 digits</source>
        <translation>eine GTIN nach AI (01) hat 14 Ziffern</translation>
    </message>
    <message>
        <source>a KP certificate number has at most 30 characters, found {count}</source>
        <translation>eine KP-Zertifikatsnummer hat höchstens 30 Zeichen, gefunden: {count}</translation>
    </message>
    <message>
        <source>a KP certificate number has at least 3 characters after the country code</source>
        <translation>eine KP-Zertifikatsnummer hat mindestens 3 Zeichen nach dem Ländercode</translation>
    </message>
    <message>
        <source>expected a KP certificate number such as BW 0123456</source>
        <translation>erwartet: eine KP-Zertifikatsnummer wie BW 0123456</translation>
    </message>
    <message>
        <source>expected a G7 certificate number such as G7-BE-2026-000123</source>
        <translation>erwartet: eine G7-Zertifikatsnummer wie G7-BE-2026-000123</translation>
    </message>
    <message>
        <source>expected an MRN of 18 characters such as 26BE000000000000A1</source>
        <translation>erwartet: eine MRN mit 18 Zeichen wie 26BE000000000000A1</translation>
    </message>
    <message>
        <source>expected an air waybill number such as 176-12345675</source>
        <translation>erwartet: eine Luftfrachtbriefnummer wie 176-12345675</translation>
    </message>
    <message>
        <source>expected an SSCC of 18 digits</source>
        <translation>erwartet: eine SSCC mit 18 Ziffern</translation>
    </message>
    <message>
        <source>expected a GTIN of 8, 12, 13 or 14 digits</source>
        <translation>erwartet: eine GTIN mit 8, 12, 13 oder 14 Ziffern</translation>
    </message>
    <message>
        <source>expected an EPC of 24 hex characters</source>
        <translation>erwartet: ein EPC mit 24 Hexadezimalzeichen</translation>
    </message>
    <message>
        <source>expected a seal number such as SL 0012345</source>
        <translation>erwartet: eine Siegelnummer wie SL 0012345</translation>
    </message>
    <message>
        <source>EPC header is {header}, an SGTIN-96 has 0x30</source>
        <translation>EPC-Header ist {header}, eine SGTIN-96 hat 0x30</translation>
    </message>
    <message>
        <source>SGTIN-96 partition is {partition}, allowed are 0 to 6</source>
        <translation>SGTIN-96-Partition ist {partition}, zulässig sind 0 bis 6</translation>
    </message>
    <message>
        <source>SGTIN-96 company prefix or item reference has too many digits</source>
        <translation>Firmenpräfix oder Artikelreferenz der SGTIN-96 hat zu viele Ziffern</translation>
    </message>
    <message>
        <source>Unknown user.</source>
        <translation>Unbekannter Benutzer.</translation>
    </message>
    <message>
        <source>This user is disabled. Ask a supervisor.</source>
        <translation>Dieser Benutzer ist gesperrt. Wenden Sie sich an eine(n) Vorgesetzte(n).</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Angemeldet als {name}.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left.</source>
        <translation>Falsche PIN. Noch 1 Versuch.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left.</source>
        <translation>Falsche PIN. Noch {count} Versuche.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 attempt left. Wait {wait} s before trying again.</source>
        <translation>Falsche PIN. Noch 1 Versuch. Warten Sie {wait} s, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Wrong PIN. {count} attempts left. Wait {wait} s before trying again.</source>
        <translation>Falsche PIN. Noch {count} Versuche. Warten Sie {wait} s, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Wait {wait} s before trying again.</source>
        <translation>Warten Sie {wait} s, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Locked for {wait} s after {count} wrong PINs.</source>
        <translation>Für {wait} s gesperrt nach {count} falschen PINs.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Gesperrt.</translation>
    </message>
    <message>
        <source>This badge has been revoked and cannot sign in. Hand it to a supervisor; choose your name to sign in with your PIN.</source>
        <translation>Dieser Ausweis wurde gesperrt und kann nicht anmelden. Geben Sie ihn einer/einem Vorgesetzten; wählen Sie Ihren Namen, um sich mit Ihrer PIN anzumelden.</translation>
    </message>
    <message>
        <source>This badge is not known at this kiosk. Choose your name to sign in with your PIN.</source>
        <translation>Dieser Ausweis ist an diesem Terminal nicht bekannt. Wählen Sie Ihren Namen, um sich mit Ihrer PIN anzumelden.</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot sign in. Ask a supervisor.</source>
        <translation>{name} ist gesperrt und kann sich nicht anmelden. Wenden Sie sich an eine(n) Vorgesetzte(n).</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Type an identifier first.</source>
        <translation>Geben Sie zuerst eine Kennung ein.</translation>
    </message>
    <message>
        <source>{value}: {known}</source>
        <translation>{value}: {known}</translation>
    </message>
    <message>
        <source>There is no slip to print yet: check the parcel first.</source>
        <translation>Es gibt noch keinen Beleg zum Drucken: prüfen Sie zuerst das Paket.</translation>
    </message>
    <message>
        <source>The slip has not been printed yet: press Print slip.</source>
        <translation>Der Beleg ist noch nicht gedruckt: drücken Sie Beleg drucken.</translation>
    </message>
    <message>
        <source>Type or scan the new seal&apos;s number first.</source>
        <translation>Geben Sie zuerst die Nummer des neuen Siegels ein oder scannen Sie sie.</translation>
    </message>
    <message>
        <source>There is no inspection to override.</source>
        <translation>Es gibt keine Kontrolle zum Aufheben.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Schreiben Sie, warum die Zurückhaltung aufgehoben wird: eine Begründung ist Pflicht.</translation>
    </message>
    <message>
        <source>This parcel&apos;s verdict has already been overridden.</source>
        <translation>Die Entscheidung zu diesem Paket wurde bereits aufgehoben.</translation>
    </message>
    <message>
        <source>There is no verdict to override: check the parcel first.</source>
        <translation>Es gibt keine Entscheidung zum Aufheben: prüfen Sie zuerst das Paket.</translation>
    </message>
    <message>
        <source>Override refused: {name} is not an active supervisor.</source>
        <translation>Aufhebung abgelehnt: {name} ist kein(e) aktive(r) Vorgesetzte(r).</translation>
    </message>
    <message>
        <source>Override refused: unknown user {name}.</source>
        <translation>Aufhebung abgelehnt: unbekannter Benutzer {name}.</translation>
    </message>
    <message>
        <source>Override refused: {message}.</source>
        <translation>Aufhebung abgelehnt: {message}.</translation>
    </message>
    <message>
        <source>no override policy is in force on {date}</source>
        <translation>am {date} gilt keine Aufhebungsregel</translation>
    </message>
    <message>
        <source>a {outcome} verdict cannot be overridden (only {allowed}; {legal_basis})</source>
        <translation>eine Entscheidung {outcome} kann nicht aufgehoben werden (nur {allowed}; {legal_basis})</translation>
    </message>
    <message>
        <source>rule {rules} can never be overridden ({legal_basis})</source>
        <translation>Regel {rules} kann nie aufgehoben werden ({legal_basis})</translation>
    </message>
    <message>
        <source>a supervisor must sign in to override</source>
        <translation>zum Aufheben muss sich ein(e) Vorgesetzte(r) anmelden</translation>
    </message>
    <message>
        <source>the supervisor must be a different person from the inspector</source>
        <translation>die/der Vorgesetzte muss eine andere Person sein als die kontrollierende</translation>
    </message>
    <message>
        <source>This parcel has no verdict yet: press Check now first, then Next parcel.</source>
        <translation>Dieses Paket hat noch keine Entscheidung: drücken Sie zuerst Jetzt prüfen, dann Nächstes Paket.</translation>
    </message>
    <message>
        <source>Declaration {reference} is on file for this parcel: it is used instead of a typed one.</source>
        <translation>Anmeldung {reference} liegt für dieses Paket vor: sie wird statt einer eingegebenen verwendet.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The checks are not ready: the rule set did not load.</source>
        <translation>Die Prüfungen sind nicht bereit: das Regelwerk wurde nicht geladen.</translation>
    </message>
    <message>
        <source>No inspection is open: sign in first.</source>
        <translation>Keine Kontrolle ist geöffnet: melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>This parcel&apos;s slip is printed: press Next parcel to start a new inspection.</source>
        <translation>Der Beleg dieses Pakets ist gedruckt: drücken Sie Nächstes Paket, um eine neue Kontrolle zu beginnen.</translation>
    </message>
    <message>
        <source>The database is taking long to open; please wait.</source>
        <translation>Das Öffnen der Datenbank dauert; bitte warten.</translation>
    </message>
    <message>
        <source>The new reference data cannot be used: {message}</source>
        <translation>Die neuen Referenzdaten können nicht verwendet werden: {message}</translation>
    </message>
    <message>
        <source>The database cannot be used: {message}</source>
        <translation>Die Datenbank kann nicht verwendet werden: {message}</translation>
    </message>
    <message>
        <source>The database cannot be opened: {message}</source>
        <translation>Die Datenbank kann nicht geöffnet werden: {message}</translation>
    </message>
    <message>
        <source>The rule set is not valid: {message}</source>
        <translation>Das Regelwerk ist ungültig: {message}</translation>
    </message>
    <message>
        <source>A file could not be written: {message}</source>
        <translation>Eine Datei konnte nicht geschrieben werden: {message}</translation>
    </message>
    <message>
        <source>Unexpected error ({type}): {message}</source>
        <translation>Unerwarteter Fehler ({type}): {message}</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is not connected.</source>
        <translation>Waage lesen fehlgeschlagen: die Waage ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Scale zero failed: the scale is not connected.</source>
        <translation>Nullstellen fehlgeschlagen: die Waage ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Scale tare failed: the scale is not connected.</source>
        <translation>Tarieren fehlgeschlagen: die Waage ist nicht verbunden.</translation>
    </message>
    <message>
        <source>Scale read failed: the scale is off in the settings.</source>
        <translation>Waage lesen fehlgeschlagen: die Waage ist in den Einstellungen ausgeschaltet.</translation>
    </message>
    <message>
        <source>Scale read failed: {message}</source>
        <translation>Waage lesen fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>Scale zero failed: {message}</source>
        <translation>Nullstellen fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>Scale tare failed: {message}</source>
        <translation>Tarieren fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>No photo: the camera is switched off in the settings.</source>
        <translation>Kein Foto: die Kamera ist in den Einstellungen ausgeschaltet.</translation>
    </message>
    <message>
        <source>No photo: {path}: {message}</source>
        <translation>Kein Foto: {path}: {message}</translation>
    </message>
    <message>
        <source>Test slips cannot be rendered here.</source>
        <translation>Testbelege können hier nicht erstellt werden.</translation>
    </message>
    <message>
        <source>No printer is configured.</source>
        <translation>Es ist kein Drucker eingerichtet.</translation>
    </message>
    <message>
        <source>No printer is set up.</source>
        <translation>Es ist kein Drucker eingerichtet.</translation>
    </message>
    <message>
        <source>A slip is being printed: wait for it, then try again.</source>
        <translation>Ein Beleg wird gedruckt: warten Sie, dann versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Printing failed: {message}</source>
        <translation>Drucken fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>Port detection is not available while stopping.</source>
        <translation>Die Anschlusserkennung ist beim Beenden nicht verfügbar.</translation>
    </message>
    <message>
        <source>Port detection failed: {message}</source>
        <translation>Anschlusserkennung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>disabled in the settings</source>
        <translation>in den Einstellungen ausgeschaltet</translation>
    </message>
    <message>
        <source>sync failed: {message}</source>
        <translation>Synchronisierung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>data: {message}; records: {message_records}</source>
        <translation>Daten: {message}; Datensätze: {message_records}</translation>
    </message>
    <message>
        <source>records: {message}</source>
        <translation>Datensätze: {message}</translation>
    </message>
    <message>
        <source>{message}; kept bundle {version}</source>
        <translation>{message}; Paket {version} beibehalten</translation>
    </message>
    <message>
        <source>data update failed: {message}</source>
        <translation>Datenaktualisierung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <source>records not sent: {message}</source>
        <translation>Datensätze nicht gesendet: {message}</translation>
    </message>
    <message>
        <source>hub unreachable at {where}: {reason}</source>
        <translation>Hub unter {where} nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>the hub refused this kiosk&apos;s token ({detail})</source>
        <translation>der Hub hat das Token dieses Terminals abgelehnt ({detail})</translation>
    </message>
    <message>
        <source>the hub answered {code} ({detail})</source>
        <translation>der Hub antwortete {code} ({detail})</translation>
    </message>
    <message>
        <source>the hub refused {inspection}: {detail}</source>
        <translation>der Hub hat {inspection} abgelehnt: {detail}</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not JSON</source>
        <translation>die Antwort des Hubs ist kein JSON</translation>
    </message>
    <message>
        <source>the hub&apos;s answer is not a JSON object</source>
        <translation>die Antwort des Hubs ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the hub&apos;s answer has no results</source>
        <translation>die Antwort des Hubs enthält keine Ergebnisse</translation>
    </message>
    <message>
        <source>{sent} sent, {failed} failed, {waiting} waiting: {message}</source>
        <translation>{sent} gesendet, {failed} fehlgeschlagen, {waiting} wartend: {message}</translation>
    </message>
    <message>
        <source>1 record sent, {waiting} waiting</source>
        <translation>1 Datensatz gesendet, {waiting} wartend</translation>
    </message>
    <message>
        <source>{sent} records sent, {waiting} waiting</source>
        <translation>{sent} Datensätze gesendet, {waiting} wartend</translation>
    </message>
    <message>
        <source>nothing due, {waiting} waiting</source>
        <translation>nichts fällig, {waiting} wartend</translation>
    </message>
    <message>
        <source>all records sent</source>
        <translation>alle Datensätze gesendet</translation>
    </message>
    <message>
        <source>Data up to date (bundle {version}).</source>
        <translation>Daten aktuell (Paket {version}).</translation>
    </message>
    <message>
        <source>Data updated to bundle {version}.</source>
        <translation>Daten auf Paket {version} aktualisiert.</translation>
    </message>
    <message>
        <source>No pinned TUF root configured ([sync] tuf_root)</source>
        <translation>Kein fester TUF-Root eingerichtet ([sync] tuf_root)</translation>
    </message>
    <message>
        <source>Hub data has expired ({detail})</source>
        <translation>Hub-Daten sind abgelaufen ({detail})</translation>
    </message>
    <message>
        <source>Hub data is older than data already seen ({detail})</source>
        <translation>Hub-Daten sind älter als bereits gesehene Daten ({detail})</translation>
    </message>
    <message>
        <source>Hub data is not signed by trusted keys ({detail})</source>
        <translation>Hub-Daten sind nicht mit vertrauenswürdigen Schlüsseln signiert ({detail})</translation>
    </message>
    <message>
        <source>Data bundle does not match its signature ({detail})</source>
        <translation>Datenpaket passt nicht zu seiner Signatur ({detail})</translation>
    </message>
    <message>
        <source>Hub data rejected ({detail})</source>
        <translation>Hub-Daten abgelehnt ({detail})</translation>
    </message>
    <message>
        <source>Hub not reached or download cut off ({detail})</source>
        <translation>Hub nicht erreicht oder Download abgebrochen ({detail})</translation>
    </message>
    <message>
        <source>Data bundle unreadable: {detail}</source>
        <translation>Datenpaket unlesbar: {detail}</translation>
    </message>
    <message>
        <source>Data bundle refused: {detail}</source>
        <translation>Datenpaket abgelehnt: {detail}</translation>
    </message>
    <message>
        <source>Data bundle not applied: {detail}</source>
        <translation>Datenpaket nicht übernommen: {detail}</translation>
    </message>
    <message>
        <source>Data update failed: {detail}</source>
        <translation>Datenaktualisierung fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>Data update failed unexpectedly: {detail}</source>
        <translation>Datenaktualisierung unerwartet fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>The hub publishes no data bundle</source>
        <translation>Der Hub veröffentlicht kein Datenpaket</translation>
    </message>
    <message>
        <source>The hub&apos;s bundle carries no version</source>
        <translation>Das Paket des Hubs trägt keine Version</translation>
    </message>
    <message>
        <source>Hub offers bundle {offered}, not newer than bundle {version} in use (rollback refused)</source>
        <translation>Hub bietet Paket {offered} an, nicht neuer als Paket {version} in Verwendung (Rückschritt abgelehnt)</translation>
    </message>
    <message>
        <source>Bundle says version {version}, its signature says {offered}</source>
        <translation>Paket nennt Version {version}, seine Signatur {offered}</translation>
    </message>
    <message>
        <source>line scanner</source>
        <translation>Linienscanner</translation>
    </message>
    <message>
        <source>test pattern</source>
        <translation>Testbild</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out (Alt+0); the parcel under way is kept</source>
        <translation>Abmelden (Alt+0); das laufende Paket bleibt erhalten</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock the screen now (Alt+L); the parcel is kept</source>
        <translation>Bildschirm jetzt sperren (Alt+L); das Paket bleibt erhalten</translation>
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
        <translation>Fehlende Unterlagen vorgelegt</translation>
    </message>
    <message>
        <source>Weighing error explained</source>
        <translation>Wägefehler erklärt</translation>
    </message>
    <message>
        <source>Seal difference explained</source>
        <translation>Abweichung der Siegel erklärt</translation>
    </message>
    <message>
        <source>Reference data out of date</source>
        <translation>Referenzdaten veraltet</translation>
    </message>
    <message>
        <source>Other (explain below)</source>
        <translation>Sonstiges (unten erklären)</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Aufhebung durch Vorgesetzte</translation>
    </message>
    <message>
        <source>Supervisor override of a %1 — parcel %2</source>
        <translation>Aufhebung durch Vorgesetzte: %1 — Paket %2</translation>
    </message>
    <message>
        <source>Why the parcel is held</source>
        <translation>Warum das Paket zurückgehalten wird</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>No other supervisor is set up on this kiosk: the hold cannot be lifted here.</source>
        <translation>An diesem Terminal ist keine andere vorgesetzte Person eingerichtet: die Zurückhaltung kann hier nicht aufgehoben werden.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted (required)</source>
        <translation>Schreiben Sie, warum die Zurückhaltung aufgehoben wird (Pflicht)</translation>
    </message>
    <message>
        <source>Written reason</source>
        <translation>Schriftliche Begründung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Confirm override</source>
        <translation>Aufhebung bestätigen</translation>
    </message>
    <message>
        <source>Choose the supervisor first.</source>
        <translation>Wählen Sie zuerst die vorgesetzte Person.</translation>
    </message>
    <message>
        <source>The supervisor types their PIN on the pad.</source>
        <translation>Die vorgesetzte Person gibt ihre PIN auf dem Tastenfeld ein.</translation>
    </message>
    <message>
        <source>Choose a reason code.</source>
        <translation>Wählen Sie einen Grundcode.</translation>
    </message>
    <message>
        <source>Write why the hold is lifted: a reason text is required.</source>
        <translation>Schreiben Sie, warum die Zurückhaltung aufgehoben wird: eine Begründung ist Pflicht.</translation>
    </message>
    <message>
        <source>Choose the supervisor</source>
        <translation>Vorgesetzte Person wählen</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>PIN digits entered</source>
        <translation>Eingegebene PIN-Ziffern</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>ReasonList</name>
    <message>
        <source>The reasons for the verdict will be listed here.</source>
        <translation>Die Gründe der Entscheidung werden hier aufgeführt.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>OK: all checks passed</source>
        <translation>OK: alle Prüfungen bestanden</translation>
    </message>
    <message>
        <source>CN {cn_code} is outside Annex XXXVIIIA: Article 3p does not apply (TARIC Y872); Kimberley Process checks still apply</source>
        <translation>KN {cn_code} liegt außerhalb von Anhang XXXVIIIa: Artikel 3p gilt nicht (TARIC Y872); die Prüfungen des Kimberley-Prozesses gelten weiter</translation>
    </message>
    <message>
        <source>Russian diamonds are banned: {evidence}</source>
        <translation>Russische Diamanten sind verboten: {evidence}</translation>
    </message>
    <message>
        <source>Cut in {processed_in} from {origins} diamonds with stones of {threshold} or more: {evidence}</source>
        <translation>In {processed_in} geschliffen aus Diamanten aus {origins} mit Steinen ab {threshold}: {evidence}</translation>
    </message>
    <message>
        <source>Stone sizes not evidenced for the per-stone limit of {threshold}: {problem}</source>
        <translation>Steingrößen für die Grenze je Stein von {threshold} nicht nachgewiesen: {problem}</translation>
    </message>
    <message>
        <source>Jewellery made in {processed_in} with {origins} diamonds</source>
        <translation>Schmuck hergestellt in {processed_in} mit Diamanten aus {origins}</translation>
    </message>
    <message>
        <source>No G7 certificate or traceability evidence for stones of {threshold} or more (sunrise period ended {sunrise_end})</source>
        <translation>Kein G7-Zertifikat und kein Rückverfolgbarkeits­nachweis für Steine ab {threshold} (Übergangszeit endete am {sunrise_end})</translation>
    </message>
    <message>
        <source>KP certificate {kp_number}: {problem}</source>
        <translation>KP-Zertifikat {kp_number}: {problem}</translation>
    </message>
    <message>
        <source>Seals: {problem} (documents: {declared}; scanned: {scanned})</source>
        <translation>Siegel: {problem} (Unterlagen: {declared}; gescannt: {scanned})</translation>
    </message>
    <message>
        <source>Mixed KP certificate {kp_number} does not name every mining country ({origins}) and the goods are not G7-verified</source>
        <translation>Das gemischte KP-Zertifikat {kp_number} nennt nicht jedes Abbauland ({origins}) und die Waren sind nicht G7-geprüft</translation>
    </message>
    <message>
        <source>{problem}: {found} against {expected} (difference {difference}, tolerance {tolerance})</source>
        <translation>{problem}: {found} gegenüber {expected} (Differenz {difference}, Toleranz {tolerance})</translation>
    </message>
    <message>
        <source>Sanctioned party: {explanation}; freeze and escalate</source>
        <translation>Sanktionierte Partei: {explanation}; einfrieren und eskalieren</translation>
    </message>
    <message>
        <source>Personal-use exemption (traveller&apos;s own jewellery, not for sale): {status}</source>
        <translation>Befreiung für den persönlichen Gebrauch (eigener Schmuck des Reisenden, nicht zum Verkauf): {status}</translation>
    </message>
    <message>
        <source>Grandfathering (goods outside Russia before {ban_date}), evidence &quot;{evidence}&quot;: {status}</source>
        <translation>Bestandsschutz (Waren vor dem {ban_date} außerhalb Russlands), Nachweis „{evidence}“: {status}</translation>
    </message>
    <message>
        <source>Temporary import for a fair or repair ({evidence}), re-export to be controlled: {status}</source>
        <translation>Vorübergehende Einfuhr für eine Messe oder Reparatur ({evidence}), Wiederausfuhr zu kontrollieren: {status}</translation>
    </message>
    <message>
        <source>Article 3p(7) authorisation {evidence}: {status}</source>
        <translation>Genehmigung nach Artikel 3p Absatz 7 {evidence}: {status}</translation>
    </message>
    <message>
        <source>Declared KP transit (seals {evidence}), no KP import check: {status}</source>
        <translation>Angemeldete KP-Durchfuhr (Siegel {evidence}), keine KP-Einfuhrprüfung: {status}</translation>
    </message>
    <message>
        <source>A supervisor may override a HOLD only</source>
        <translation>Vorgesetzte können nur eine Zurückhaltung aufheben</translation>
    </message>
    <message>
        <source>No stable weight reading ({state})</source>
        <translation>Kein stabiler Wägewert ({state})</translation>
    </message>
    <message>
        <source>No photo of the opened parcel</source>
        <translation>Kein Foto des geöffneten Pakets</translation>
    </message>
    <message>
        <source>Reference data (sanctions lists, certificate registers, rules) are out of date: {why}</source>
        <translation>Die Referenzdaten (Sanktionslisten, Zertifikatsregister, Regeln) sind veraltet: {why}</translation>
    </message>
    <message>
        <source>No declaration found for the parcel (identifiers: {identifiers})</source>
        <translation>Keine Anmeldung für das Paket gefunden (Kennungen: {identifiers})</translation>
    </message>
    <message>
        <source>{kind} certificate {number} already used at {post} on {date} (inspection {inspection})</source>
        <translation>{kind}-Zertifikat {number} bereits an der Stelle {post} am {date} verwendet (Kontrolle {inspection})</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>no evidence given</source>
        <translation>kein Nachweis erbracht</translation>
    </message>
    <message>
        <source>no KP certificate was presented</source>
        <translation>es wurde kein KP-Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>not a KP certificate number</source>
        <translation>keine KP-Zertifikatsnummer</translation>
    </message>
    <message>
        <source>not in the KP certificate register</source>
        <translation>nicht im KP-Zertifikatsregister</translation>
    </message>
    <message>
        <source>the documents give no seal number</source>
        <translation>die Unterlagen nennen keine Siegelnummer</translation>
    </message>
    <message>
        <source>no seal was scanned</source>
        <translation>es wurde kein Siegel gescannt</translation>
    </message>
    <message>
        <source>weight differs from the KP certificate</source>
        <translation>Gewicht weicht vom KP-Zertifikat ab</translation>
    </message>
    <message>
        <source>weight differs from the declaration</source>
        <translation>Gewicht weicht von der Anmeldung ab</translation>
    </message>
    <message>
        <source>declared carats differ from the KP certificate</source>
        <translation>angemeldete Karat weichen vom KP-Zertifikat ab</translation>
    </message>
    <message>
        <source>parcel count differs from the KP certificate</source>
        <translation>Paketanzahl weicht vom KP-Zertifikat ab</translation>
    </message>
    <message>
        <source>no authorisation number given</source>
        <translation>keine Genehmigungsnummer angegeben</translation>
    </message>
    <message>
        <source>not in the register of authorisations</source>
        <translation>nicht im Genehmigungsregister</translation>
    </message>
    <message>
        <source>no stone sizes declared (packing list), so no stone is shown to be below it</source>
        <translation>keine Steingrößen angemeldet (Packliste), also ist für keinen Stein nachgewiesen, dass er darunter liegt</translation>
    </message>
    <message>
        <source>the documents give no seal number, so the container cannot be shown intact</source>
        <translation>die Unterlagen nennen keine Siegelnummer, also kann der Behälter nicht als unversehrt nachgewiesen werden</translation>
    </message>
    <message>
        <source>the seals on the container do not match the documents</source>
        <translation>die Siegel am Behälter stimmen nicht mit den Unterlagen überein</translation>
    </message>
    <message>
        <source>the evidence must start with the date the goods were outside Russia (YYYY-MM-DD)</source>
        <translation>der Nachweis muss mit dem Datum beginnen, an dem die Waren außerhalb Russlands waren (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>kein Messwert</translation>
    </message>
    <message>
        <source>no reference data loaded</source>
        <translation>keine Referenzdaten geladen</translation>
    </message>
    <message>
        <source>no current reference data</source>
        <translation>keine aktuellen Referenzdaten</translation>
    </message>
    <message>
        <source>exporter</source>
        <translation>Ausführer</translation>
    </message>
    <message>
        <source>importer</source>
        <translation>Einführer</translation>
    </message>
    <message>
        <source>KP exporter</source>
        <translation>KP-Ausführer</translation>
    </message>
    <message>
        <source>KP importer</source>
        <translation>KP-Einführer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>issued on %1, after the inspection date</source>
        <translation>ausgestellt am %1, nach dem Kontrolldatum</translation>
    </message>
    <message>
        <source>issuer %1 is not a KP participant</source>
        <translation>Aussteller %1 ist kein KP-Teilnehmer</translation>
    </message>
    <message>
        <source>number prefix %1 is not the issuing country %2</source>
        <translation>Nummernpräfix %1 ist nicht das Ausstellungsland %2</translation>
    </message>
    <message>
        <source>the declaration names certificate %1</source>
        <translation>die Anmeldung nennt Zertifikat %1</translation>
    </message>
    <message>
        <source>seal %1 not found on the parcel</source>
        <translation>Siegel %1 nicht am Paket gefunden</translation>
    </message>
    <message>
        <source>seal %1 is not in the documents</source>
        <translation>Siegel %1 steht nicht in den Unterlagen</translation>
    </message>
    <message>
        <source>not available for CN %1</source>
        <translation>nicht verfügbar für KN %1</translation>
    </message>
    <message>
        <source>evidence dated %1 does not predate %2</source>
        <translation>Nachweis vom %1 liegt nicht vor dem %2</translation>
    </message>
    <message>
        <source>%1 parcels</source>
        <translation>%1 Pakete</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>the hub&apos;s signed data (bundle %1) expired on %2 UTC</source>
        <translation>die signierten Daten des Hubs (Paket %1) sind am %2 UTC abgelaufen</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (bundle %2 published %3 UTC)</source>
        <translation>Terminaldaten älter als %1 h (Paket %2 veröffentlicht %3 UTC)</translation>
    </message>
    <message>
        <source>kiosk data older than %1 h (loaded %2 UTC)</source>
        <translation>Terminaldaten älter als %1 h (geladen %2 UTC)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its alias &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 „%2“ entspricht %3, Eintrag %4 „%5“, über den Alias „%6“ (beide gelesen als „%7“)</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; matches %3 listing %4 &quot;%5&quot; by its listed name &quot;%6&quot; (both read as &quot;%7&quot;)</source>
        <translation>%1 „%2“ entspricht %3, Eintrag %4 „%5“, über den gelisteten Namen „%6“ (beide gelesen als „%7“)</translation>
    </message>
    <message>
        <source>%1 stones may reach it and their origin is not evidenced</source>
        <translation>%1 Steine können sie erreichen und ihr Ursprung ist nicht nachgewiesen</translation>
    </message>
    <message>
        <source>band %1 stones of %2 and up cannot weigh %3</source>
        <translation>Klasse %1 Steine ab %2 kann nicht %3 wiegen</translation>
    </message>
    <message>
        <source>band %1 stones of %2 to under %3 cannot weigh %4</source>
        <translation>Klasse %1 Steine von %2 bis unter %3 kann nicht %4 wiegen</translation>
    </message>
    <message>
        <source>stone bands add up to %1, declared %2</source>
        <translation>die Größenklassen ergeben zusammen %1, angemeldet %2</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (at least %4)</source>
        <translation>gemessen %1 (durchschnittlich %2 je Stein) können nicht %3 Steine der angemeldeten Größen sein (mindestens %4)</translation>
    </message>
    <message>
        <source>measured %1 (average %2 per stone) cannot be %3 stones of the declared sizes (%4-%5 ct)</source>
        <translation>gemessen %1 (durchschnittlich %2 je Stein) können nicht %3 Steine der angemeldeten Größen sein (%4-%5 ct)</translation>
    </message>
    <message>
        <source>mining origin %1</source>
        <translation>Abbauursprung %1</translation>
    </message>
    <message>
        <source>processed in %1</source>
        <translation>verarbeitet in %1</translation>
    </message>
    <message>
        <source>exported from %1</source>
        <translation>ausgeführt aus %1</translation>
    </message>
    <message>
        <source>transited %1</source>
        <translation>Durchfuhr durch %1</translation>
    </message>
    <message>
        <source>KP certificate issued by %1</source>
        <translation>KP-Zertifikat ausgestellt von %1</translation>
    </message>
    <message>
        <source>KP provenance %1</source>
        <translation>KP-Herkunft %1</translation>
    </message>
    <message>
        <source>KP origin %1</source>
        <translation>KP-Ursprung %1</translation>
    </message>
    <message>
        <source>KP certificate number %1</source>
        <translation>KP-Zertifikatsnummer %1</translation>
    </message>
    <message>
        <source>refused, %1</source>
        <translation>abgelehnt, %1</translation>
    </message>
</context>
<context>
    <name>SealsPanel</name>
    <message>
        <source>Declared: {seals}</source>
        <translation>Angemeldet: {seals}</translation>
    </message>
    <message>
        <source>No seal declared</source>
        <translation>Kein Siegel angemeldet</translation>
    </message>
    <message>
        <source>none scanned</source>
        <translation>keine gescannt</translation>
    </message>
    <message>
        <source>{seal} (none declared)</source>
        <translation>{seal} (keine angemeldet)</translation>
    </message>
    <message>
        <source>{seal} ✔ declared</source>
        <translation>{seal} ✔ angemeldet</translation>
    </message>
    <message>
        <source>{seal} ✖ not declared</source>
        <translation>{seal} ✖ nicht angemeldet</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>Siegel</translation>
    </message>
    <message>
        <source>Old seal:</source>
        <translation>Altes Siegel:</translation>
    </message>
    <message>
        <source>New seal applied after the inspection</source>
        <translation>Neues Siegel nach der Kontrolle angebracht</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anbringen</translation>
    </message>
    <message>
        <source>New seal ✔</source>
        <translation>Neues Siegel ✔</translation>
    </message>
    <message>
        <source>New seal</source>
        <translation>Neues Siegel</translation>
    </message>
    <message>
        <source>Recorded: {seal}</source>
        <translation>Erfasst: {seal}</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>inspector</source>
        <translation>Kontrolleur(in)</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>Techniker(in)</translation>
    </message>
    <message>
        <source>Badge read: PIN for %1</source>
        <translation>Ausweis gelesen: PIN für %1</translation>
    </message>
    <message>
        <source>◔ Wait %1 s before the next try.</source>
        <translation>◔ Warten Sie %1 s bis zum nächsten Versuch.</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Bildschirm gesperrt</translation>
    </message>
    <message>
        <source>Inspection Kiosk — sign in</source>
        <translation>Kontrollterminal — Anmeldung</translation>
    </message>
    <message>
        <source>%1&apos;s parcel %2 is kept as it is. %1 or a supervisor types the PIN to go on; anyone else chooses their name and takes the parcel over.</source>
        <translation>Paket %2 von %1 bleibt, wie es ist. %1 oder eine vorgesetzte Person gibt die PIN ein, um weiterzumachen; jede andere Person wählt ihren Namen und übernimmt das Paket.</translation>
    </message>
    <message>
        <source>%1&apos;s session is locked. %1 or a supervisor types the PIN to go on; anyone else chooses their name to sign in.</source>
        <translation>Die Sitzung von %1 ist gesperrt. %1 oder eine vorgesetzte Person gibt die PIN ein, um weiterzumachen; jede andere Person wählt ihren Namen, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Wer sind Sie?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>No users are set up on this kiosk. Ask the technician.</source>
        <translation>An diesem Terminal sind keine Benutzer eingerichtet. Fragen Sie die Technik.</translation>
    </message>
    <message>
        <source>Present your badge or choose your name</source>
        <translation>Ausweis vorhalten oder Namen wählen</translation>
    </message>
    <message>
        <source>PIN digits entered</source>
        <translation>Eingegebene PIN-Ziffern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <source>Type your PIN, then press OK.</source>
        <translation>Geben Sie Ihre PIN ein und drücken Sie dann OK.</translation>
    </message>
    <message>
        <source>PIN for %1</source>
        <translation>PIN für %1</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <source>Simulated devices</source>
        <translation>Simulierte Geräte</translation>
    </message>
    <message>
        <source>present a sample parcel:</source>
        <translation>ein Beispielpaket vorlegen:</translation>
    </message>
    <message>
        <source>Present %1</source>
        <translation>Vorlegen %1</translation>
    </message>
    <message>
        <source>Code to scan, e.g. BW2026004417</source>
        <translation>Zu scannender Code, z. B. BW2026004417</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scannen</translation>
    </message>
    <message>
        <source>Weight in ct, e.g. 512.450</source>
        <translation>Gewicht in ct, z. B. 512,450</translation>
    </message>
    <message>
        <source>Put on scale</source>
        <translation>Auf die Waage legen</translation>
    </message>
    <message>
        <source>Empty scale</source>
        <translation>Waage leeren</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Scale</source>
        <translation>Waage</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet erneut</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>druckt</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>Kontrolleur(in)</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Vorgesetzte(r)</translation>
    </message>
    <message>
        <source>technician</source>
        <translation>Techniker(in)</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>No reference data</source>
        <translation>Keine Referenzdaten</translation>
    </message>
    <message>
        <source>No sanctions lists or certificate register loaded</source>
        <translation>Keine Sanktionslisten und kein Zertifikatsregister geladen</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <source>update due</source>
        <translation>Update fällig</translation>
    </message>
    <message>
        <source>Published %1, loaded %2</source>
        <translation>Veröffentlicht %1, geladen %2</translation>
    </message>
    <message>
        <source>older than the limit: no parcel is cleared on it alone</source>
        <translation>älter als die Grenze: allein darauf wird kein Paket freigegeben</translation>
    </message>
    <message>
        <source>No report from the device yet</source>
        <translation>Noch keine Meldung vom Gerät</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet…</translation>
    </message>
</context>
<context>
    <name>StepStrip</name>
    <message>
        <source>Identify</source>
        <translation>Erkennen</translation>
    </message>
    <message>
        <source>Weigh</source>
        <translation>Wiegen</translation>
    </message>
    <message>
        <source>Photograph</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Sign in to start a parcel</source>
        <translation>Anmelden, um ein Paket zu beginnen</translation>
    </message>
    <message>
        <source>Scan the KP certificate</source>
        <translation>KP-Zertifikat scannen</translation>
    </message>
    <message>
        <source>Place the parcel on the scale</source>
        <translation>Paket auf die Waage legen</translation>
    </message>
    <message>
        <source>Hold the parcel under the camera</source>
        <translation>Paket unter die Kamera halten</translation>
    </message>
    <message>
        <source>Scan the MRN or type the declaration</source>
        <translation>MRN scannen oder Anmeldung eingeben</translation>
    </message>
    <message>
        <source>Press Check now</source>
        <translation>Jetzt prüfen drücken</translation>
    </message>
    <message>
        <source>Slip printed: press Next parcel</source>
        <translation>Beleg gedruckt: Nächstes Paket drücken</translation>
    </message>
    <message>
        <source>Print the slip or call a supervisor</source>
        <translation>Beleg drucken oder Vorgesetzte rufen</translation>
    </message>
    <message>
        <source>Keep the parcel; print the slip</source>
        <translation>Paket zurückhalten; Beleg drucken</translation>
    </message>
    <message>
        <source>Apply the new seal, then print the slip</source>
        <translation>Neues Siegel anbringen, dann den Beleg drucken</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>to do next</source>
        <translation>als Nächstes</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Nächster Schritt: {step}</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch data updates and send waiting records now</source>
        <translation>Datenaktualisierungen jetzt holen und wartende Datensätze senden</translation>
    </message>
    <message>
        <source>Data in use</source>
        <translation>Verwendete Daten</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisation</translation>
    </message>
    <message>
        <source>Records to send</source>
        <translation>Zu sendende Datensätze</translation>
    </message>
    <message>
        <source>Sync started…</source>
        <translation>Synchronisation gestartet…</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
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
        <translation>%1 T</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>the sample data set</source>
        <translation>dem Beispieldatensatz</translation>
    </message>
    <message>
        <source>the local database</source>
        <translation>der lokalen Datenbank</translation>
    </message>
    <message>
        <source>No hub configured — data from %1</source>
        <translation>Kein Hub eingerichtet — Daten aus %1</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>Synchronisiere mit %1…</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>✖ No reference data loaded</source>
        <translation>✖ Keine Referenzdaten geladen</translation>
    </message>
    <message>
        <source>Version %1, published %2</source>
        <translation>Version %1, veröffentlicht %2</translation>
    </message>
    <message>
        <source>STALE: no parcel is cleared on it</source>
        <translation>VERALTET: darauf wird kein Paket freigegeben</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab %1</translation>
    </message>
    <message>
        <source>Sync is off at this post.</source>
        <translation>Die Synchronisation ist an dieser Stelle aus.</translation>
    </message>
    <message>
        <source>○ Not synced yet</source>
        <translation>○ Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>✖ Failed: %1</source>
        <translation>✖ Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>✖ AUDIT BREAK: the hub found this kiosk&apos;s audit trail changed (%1). Tell a supervisor.</source>
        <translation>✖ PRÜFPFAD-BRUCH: Der Hub hat festgestellt, dass der Prüfpfad dieses Terminals verändert wurde (%1). Informieren Sie eine vorgesetzte Person.</translation>
    </message>
    <message>
        <source>● OK</source>
        <translation>● OK</translation>
    </message>
    <message>
        <source>KP certificates</source>
        <translation>KP-Zertifikate</translation>
    </message>
    <message>
        <source>Declarations</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Sanctioned parties</source>
        <translation>Sanktionierte Parteien</translation>
    </message>
    <message>
        <source>KP participants</source>
        <translation>KP-Teilnehmer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Letzter Versuch: %1</translation>
    </message>
    <message>
        <source>Last success: %1</source>
        <translation>Letzter Erfolg: %1</translation>
    </message>
    <message>
        <source>%1 record(s) waiting for the hub</source>
        <translation>%1 Datensatz/Datensätze warten auf den Hub</translation>
    </message>
    <message>
        <source>%1 failed at the last attempt</source>
        <translation>%1 beim letzten Versuch fehlgeschlagen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>No sources listed.</source>
        <translation>Keine Quellen aufgeführt.</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <source>Verdict: %1</source>
        <translation>Entscheidung: %1</translation>
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
        <translation>Stabilität</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>KP cert.</source>
        <translation>KP-Zert.</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>No reading</source>
        <translation>Kein Messwert</translation>
    </message>
    <message>
        <source>{weight} at {time}</source>
        <translation>{weight} um {time}</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Noch nicht erfasst</translation>
    </message>
    <message>
        <source>⚠ outside tolerance</source>
        <translation>⚠ außerhalb der Toleranz</translation>
    </message>
    <message>
        <source>✔ within tolerance</source>
        <translation>✔ innerhalb der Toleranz</translation>
    </message>
    <message>
        <source>Tolerance ±{limit} ct</source>
        <translation>Toleranz ±{limit} ct</translation>
    </message>
</context>
</TS>
