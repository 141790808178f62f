# Sammelaktionen, Export und Import der Benutzerliste (/admin/users, /admin/users/import).

## Benutzer importieren (CSV)
import-title = Benutzer importieren (CSV)
import-link = Benutzer importieren (CSV)
import-intro = Laden Sie eine CSV-Datei mit der Kopfzeile email,name,phone,groups hoch. Gruppen werden durch Semikolons getrennt; Telefonnummer und Gruppen dürfen leer sein. Nichts wird hinzugefügt, bevor Sie jede Zeile gesehen haben.
import-example-label = Zum Beispiel:
import-example =
    email,name,phone,groups
    ada@example.com,Ada Lovelace,+46701234567,Vertrieb;Finanzen
import-file = CSV-Datei
import-file-hint = UTF-8, durch Komma oder Semikolon getrennt, höchstens { $max } Zeilen und { $megabytes } MB.
import-preview = Vorschau
import-import = Importieren
import-choose-file = Wählen Sie eine CSV-Datei zum Hochladen.
import-file-not-text = Die Datei ist kein UTF-8-Text. Speichern Sie sie in Ihrer Tabellenkalkulation als „CSV UTF-8“.
import-file-too-large = Die Datei ist größer als { $megabytes } MB.
import-file-empty = Die Datei ist leer.
import-file-wrong-header = Die erste Zeile muss die Kopfzeile email,name,phone,groups sein.
import-file-no-lines = Die Datei hat keine Zeilen nach der Kopfzeile.
import-file-too-many-lines = Die Datei hat mehr als { $max } Zeilen. Teilen Sie sie in kleinere Dateien auf.
import-file-unclosed-quote = Zeile { $line } öffnet ein Anführungszeichen, das nie geschlossen wird.
import-preview-title = Vorschau von { $file }
import-preview-ready = { $count ->
    [one] 1 Zeile kann importiert werden.
   *[other] { $count } Zeilen können importiert werden.
}
import-preview-problems = { $count ->
    [one] 1 Zeile hat ein Problem und wird nicht angetastet.
   *[other] { $count } Zeilen haben ein Problem und werden nicht angetastet.
}
import-already-imported = Diese Datei wurde bereits importiert.
import-invitations = Jeder neue Benutzer erhält per E-Mail eine Einladung mit einem Link, um sein Passwort zu wählen.
import-column-line = Zeile
import-column-outcome = Ergebnis
import-line-ready = Bereit zum Import
import-line-added = Hinzugefügt und eingeladen
import-line-left-alone = Nicht angetastet: { $problem }
import-problem-columns = { $count ->
    [one] Die Zeile hat 1 Spalte statt 4.
   *[other] Die Zeile hat { $count } Spalten statt 4.
}
import-problem-unknown-group = Es gibt keine Gruppe „{ $group }“.
import-problem-duplicate = Dieselbe E-Mail-Adresse steht in Zeile { $line }.
import-problem-existing-account = Ein Konto mit dieser E-Mail-Adresse gibt es bereits.
import-refused-changed = Nicht hinzugefügt: Eine Gruppe wurde inzwischen entfernt.
import-report-title = Import abgeschlossen
import-report-added = { $count ->
    [one] 1 Benutzer wurde hinzugefügt und per E-Mail eingeladen.
   *[other] { $count } Benutzer wurden hinzugefügt und per E-Mail eingeladen.
}
import-report-left-alone = { $count ->
    [one] 1 Zeile wurde nicht angetastet.
   *[other] { $count } Zeilen wurden nicht angetastet.
}

## Sammelaktionen
bulk-column-select = Auswählen
bulk-with-selected = Mit ausgewählten
bulk-action-reset = Bestätigung in zwei Schritten zurücksetzen
bulk-action-add = Zur Gruppe hinzufügen
bulk-action-remove = Aus der Gruppe entfernen
bulk-action-remind = Erinnerung per E-Mail senden
bulk-choose-action = Wählen Sie, was geschehen soll
bulk-group = Gruppe zum Hinzufügen oder Entfernen
bulk-apply = Anwenden
bulk-export = Exportieren (CSV)
bulk-problem-title = Mit ausgewählten
bulk-problem-nobody = Wählen Sie mindestens eine Person in der Liste aus.
bulk-problem-too-many = Wählen Sie höchstens { $max } Personen auf einmal aus.
bulk-problem-action = Wählen Sie, was mit den ausgewählten Personen geschehen soll.
bulk-problem-group = Wählen Sie eine Gruppe.
bulk-question-reset = { $count ->
    [one] Bestätigung in zwei Schritten für 1 Person zurücksetzen?
   *[other] Bestätigung in zwei Schritten für { $count } Personen zurücksetzen?
}
bulk-question-add = { $count ->
    [one] 1 Person zu { $group } hinzufügen?
   *[other] { $count } Personen zu { $group } hinzufügen?
}
bulk-question-remove = { $count ->
    [one] 1 Person aus { $group } entfernen?
   *[other] { $count } Personen aus { $group } entfernen?
}
bulk-question-remind = { $count ->
    [one] 1 Person per E-Mail daran erinnern, die Bestätigung in zwei Schritten einzuschalten?
   *[other] { $count } Personen per E-Mail daran erinnern, die Bestätigung in zwei Schritten einzuschalten?
}
bulk-reset-follows = Ihre Methoden, Wiederherstellungscodes und vertrauenswürdigen Geräte werden entfernt und alle Sitzungen beendet. Jede Person erhält eine E-Mail. Administratoren und Ihr eigenes Konto bleiben unangetastet: Setzen Sie diese auf ihrer eigenen Seite zurück.
bulk-add-follows = Jede Person wird Mitglied, und die Regel der Gruppe für die Bestätigung in zwei Schritten gilt für sie.
bulk-remove-follows = Jede Person ist kein Mitglied mehr, und die Regel der Gruppe gilt nicht mehr für sie.
bulk-remind-follows = Jede Person ohne Bestätigung in zwei Schritten erhält per E-Mail einen Link zu ihren Sicherheitseinstellungen. Personen, bei denen sie bereits eingeschaltet ist, und deaktivierte Konten bleiben unangetastet.
bulk-each-own = Jede Person wird einzeln geändert: Eine Ablehnung bei einer Person lässt die anderen erledigt.
bulk-who = Wer
bulk-unknown-user = Kein solcher Benutzer (ID { $id })
bulk-report-title = Erledigt für die ausgewählten Personen
bulk-report-done = { $count ->
    [one] Erledigt für 1 Person.
   *[other] Erledigt für { $count } Personen.
}
bulk-report-skipped = { $count ->
    [one] 1 Person blieb unangetastet.
   *[other] { $count } Personen blieben unangetastet.
}
bulk-column-outcome = Ergebnis
bulk-done = Erledigt
bulk-skipped-no-such-user = Nicht erledigt: Diesen Benutzer gibt es nicht.
bulk-skipped-yourself = Nicht erledigt: Setzen Sie Ihr eigenes Konto auf Ihrer eigenen Seite zurück.
bulk-skipped-administrator = Nicht erledigt: Ein Administrator wird nur auf seiner eigenen Seite zurückgesetzt.
bulk-skipped-already-member = Nicht erledigt: bereits Mitglied.
bulk-skipped-not-member = Nicht erledigt: kein Mitglied.
bulk-skipped-two-step-on = Nicht erledigt: Die Bestätigung in zwei Schritten ist bereits eingeschaltet.
bulk-skipped-disabled = Nicht erledigt: Das Konto ist deaktiviert.
bulk-reminder-subject = Schalten Sie die Bestätigung in zwei Schritten für { $app } ein
bulk-reminder-lead = Ein Administrator von { $app } bittet Sie, die Bestätigung in zwei Schritten einzuschalten. Dann braucht die Anmeldung Ihr Passwort und einen Code von Ihrem Telefon, sodass Ihr Passwort allein niemand anderem genügt.
bulk-reminder-link = Ihre Sicherheitseinstellungen öffnen
bulk-reminder-after = Es dauert eine Minute: Wählen Sie SMS oder eine Authenticator-App, und bewahren Sie Ihre Wiederherstellungscodes sicher auf.
