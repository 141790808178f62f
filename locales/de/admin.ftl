# Die Verwaltung (/admin): Übersicht, Benutzer, Gruppen, Sicherheitseinstellungen.

# Die Navigation und Wörter, die die Seiten teilen.
admin-nav-overview = Übersicht
admin-nav-security = Sicherheitseinstellungen
admin-users = Benutzer
admin-groups = Gruppen
admin-nav-rooms = Datenräume
admin-nav-applications = Anwendungen
admin-nav-audit = Ereignisprotokoll
admin-only = Die Verwaltung ist nur für Administratoren.
admin-two-step = Bestätigung in zwei Schritten
admin-on = Ein
admin-off = Aus
admin-never = Nie
admin-none = Keine
admin-none-sentence = Keine.
admin-search = Suchen
admin-save = Speichern
admin-save-and-require = Speichern und Bestätigung in zwei Schritten verlangen
admin-done = Fertig
admin-edit = Bearbeiten
admin-remove = Entfernen
admin-previous = Zurück
admin-next = Weiter
admin-back-to = Zurück zu { $name }
admin-back-to-users = Zurück zu den Benutzern
admin-back-to-groups = Zurück zu den Gruppen
admin-back-to-rights = Zurück zu den Benutzerrechten
admin-add-user = Benutzer hinzufügen
admin-add-member = Mitglied hinzufügen
admin-add-member-email = Mitglied hinzufügen (E-Mail-Adresse)
admin-group = Gruppe
admin-role-administrator = Administrator
admin-role-user = Benutzer
admin-method-sms = SMS
admin-method-app = Authenticator-App
admin-method-passkey = Passkey
admin-temporary-code = Temporärer Zugangscode
admin-issue-temporary-code = Temporären Zugangscode ausstellen
admin-the-command-line = der Befehlszeile
admin-search-too-long = Suchen Sie mit höchstens { $max } Zeichen.
admin-choose-groups = Wählen Sie Gruppen aus der Liste.
admin-preview-who = Wer das ist, in der Benutzerliste
# Zwischen den Zifferngruppen großer Zahlen: 1.234.
admin-thousands-separator = .
# Eine Liste aus zwei oder mehr: „a, b und c“. { $items } sind alle außer dem letzten, durch Kommas getrennt.
admin-list-and = { $items } und { $last }
# Ein Anteil in ganzen Prozent: „40 %“.
admin-percent = { $percent }{ "\u00A0" }%

# Die Spalten der Tabellen.
admin-column-name = Name
admin-column-email = E-Mail-Adresse
admin-column-phone = Telefonnummer
admin-column-role = Rolle
admin-column-last-sign-in = Letzte Anmeldung
admin-column-set-up-by = Einzurichten bis
admin-column-country-code = Ländervorwahl
admin-column-texts-today = SMS heute
admin-column-codes-sent = Gesendete Codes
admin-column-codes-entered = Eingegebene Codes
admin-column-conversion = Eingabequote
admin-column-device = Gerät
admin-column-ip = IP-Adresse
admin-column-trusted-since = Vertrauenswürdig seit
admin-column-last-used = Zuletzt verwendet
admin-column-signed-in = Angemeldet
admin-column-last-active = Zuletzt aktiv

# Abgelehnte Änderungen.
admin-refused-last-admin = Dies ist der letzte Administrator: Machen Sie zuerst jemand anderen zum Administrator.
admin-refused-yourself = Sie können Ihr eigenes Konto nicht deaktivieren. Das kann nur ein anderer Administrator.
admin-refused-phone-in-use = An diese Nummer gehen die Anmeldecodes des Benutzers. Der Benutzer ändert sie unter „Meine Sicherheitseinstellungen“, oder Sie setzen zuerst seine Bestätigung in zwei Schritten zurück.
admin-refused-name-taken = Es gibt bereits eine Gruppe mit diesem Namen.
admin-refused-no-such-email = Es gibt kein Konto mit dieser E-Mail-Adresse.
admin-refused-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse.
admin-refused-room-admin = Administratoren eines Datenraums kann die Bestätigung in zwei Schritten nicht vorgeschrieben werden; sie können sie selbst einschalten.

# Die Übersicht.
admin-overview-adoption-title = Bestätigung in zwei Schritten im Einsatz
# { $percent } ist „40 %“, fett.
admin-overview-key-figure = { $percent } der Benutzer verwenden die Bestätigung in zwei Schritten
admin-overview-chart-caption = Benutzer mit eingeschalteter Bestätigung in zwei Schritten, nach Methode
admin-overview-all-users = Alle Benutzer
admin-overview-bar-on = { $percent }{ "\u00A0" }% eingeschaltet
admin-overview-bar-detail = ({ $on } von { $total })
admin-overview-table-caption = Benutzer nach Methode der Bestätigung in zwei Schritten
admin-overview-column-total = Gesamt
admin-overview-column-sms = SMS
admin-overview-column-app = App
admin-owing-title = Benutzer, die noch einrichten müssen
admin-owing-none = Alle, die die Bestätigung in zwei Schritten verwenden müssen, haben sie eingerichtet.
# { $number } ist die Anzahl ausgeschrieben („1.234“), fett.
admin-owing-count = { $count ->
    [one] { $number } Benutzer muss die Bestätigung in zwei Schritten verwenden und hat sie nicht eingerichtet.
   *[other] { $number } Benutzer müssen die Bestätigung in zwei Schritten verwenden und haben sie nicht eingerichtet.
}
admin-owing-first = Die ersten { $count }:
admin-owing-next-sign-in = Bei der nächsten Anmeldung
admin-owing-all = { $count ->
    [one] Der Benutzer, der noch einrichten muss, in der Benutzerliste
   *[other] Alle { $number } Benutzer, die noch einrichten müssen, in der Benutzerliste
}
admin-sms-title = Heute gesendete SMS
# { $settings } ist ein Link zu den Sicherheitseinstellungen.
admin-sms-paused = SMS an neue Nummern sind für heute ausgesetzt: Das gesamte SMS-Tagesbudget von { $budget } ist verbraucht. Codes an bestätigte Nummern werden weiterhin gesendet. SMS an neue Nummern werden ab Mitternacht (UTC) wieder gesendet; Sie können das Budget unter { $settings } erhöhen.
admin-sms-warned = 80 % des heutigen SMS-Budgets sind verbraucht: { $spent } von { $budget } SMS an neue Nummern.
admin-sms-alerted = Die Administratoren wurden um { $time } per E-Mail benachrichtigt.
admin-sms-pause-at = Bei { $budget } werden SMS an neue Nummern bis Mitternacht (UTC) ausgesetzt.
# { $number } ist { $count }, fett.
admin-sms-today = { $count ->
    [one] { $number } SMS seit Mitternacht (UTC): { $new } an neue Nummern (Nummern, die kein Konto bestätigt hat: Registrierung, Anmeldung per Telefon, Einrichtung, eine Änderung) und { $verified } an bestätigte Nummern (Anmeldung, Schritte in Datenräumen).
   *[other] { $number } SMS seit Mitternacht (UTC): { $new } an neue Nummern (Nummern, die kein Konto bestätigt hat: Registrierung, Anmeldung per Telefon, Einrichtung, eine Änderung) und { $verified } an bestätigte Nummern (Anmeldung, Schritte in Datenräumen).
}
admin-sms-budget = Tagesbudget für SMS an neue Nummern: { $spent } von { $budget } verbraucht.
admin-sms-by-country-caption = SMS heute nach Ländervorwahl
admin-country-unknown = Unbekannt
admin-conversion-title = Eingegebene Codes, letzte 7 Tage
# { $countries }: „+46, +47“; { $settings } ist ein Link zu den Sicherheitseinstellungen.
admin-conversion-low = Codes an { $countries } werden selten eingegeben: weniger als halb so oft wie üblich in den anderen Ländern. Viele Codes, die niemand eingibt, sind das Kennzeichen von SMS-Pumping; senken Sie unter { $settings } die Obergrenze pro Ländervorwahl oder nehmen Sie das Land aus den Ländern heraus, in die SMS gesendet werden.
admin-conversion-none = Keine SMS in den letzten 7 Tagen.
admin-conversion-caption = Gesendete und eingegebene Codes der letzten 7 Tage nach Ländervorwahl
admin-conversion-far-below = Weit unter den anderen
admin-events-title = Neueste Sicherheitsereignisse
admin-events-all = Das ganze Ereignisprotokoll

# Die Benutzerliste. { $more } ist „yes“, wenn es mehr als { $number } sind (die Liste zählt nicht weiter).
admin-users-search = Benutzer suchen
admin-users-search-hint = Wörter eines Namens in beliebiger Reihenfolge, der Anfang einer E-Mail-Adresse oder ihre Domain (@example.com) oder eine Telefonnummer.
admin-filter-any = Alle
admin-filter-must = Muss noch einrichten
admin-filter-admins-only = Nur Administratoren
admin-filter-accounts = Konten
admin-filter-all = Alle
admin-filter-enabled = Aktiviert
admin-filter-disabled = Deaktiviert
admin-users-none = Keine Benutzer gefunden.
admin-users-pages = Seiten der Benutzerliste
admin-users-count = { $more ->
    [yes] Mehr als { $number } Benutzer
   *[no] { $count ->
        [one] { $number } Benutzer
       *[other] { $number } Benutzer
    }
}
admin-users-match-search = { $more ->
    [yes] Mehr als { $number } Benutzer passen zu „{ $search }“
   *[no] { $count ->
        [one] { $number } Benutzer passt zu „{ $search }“
       *[other] { $number } Benutzer passen zu „{ $search }“
    }
}
admin-users-must = { $more ->
    [yes] Mehr als { $number } Benutzer müssen noch einrichten
   *[no] { $count ->
        [one] { $number } Benutzer muss noch einrichten
       *[other] { $number } Benutzer müssen noch einrichten
    }
}
admin-users-match-filters = { $more ->
    [yes] Mehr als { $number } Benutzer passen zu den Filtern
   *[no] { $count ->
        [one] { $number } Benutzer passt zu den Filtern
       *[other] { $number } Benutzer passen zu den Filtern
    }
}
admin-users-choose-filter = Wählen Sie einen Filter für die Bestätigung in zwei Schritten aus der Liste.
admin-users-choose-group = Wählen Sie eine Gruppe aus der Liste.
admin-users-choose-accounts = Wählen Sie Konten aus der Liste.

# Die Seite eines Benutzers.
admin-requirement-not-offered = Für diesen Benutzer nicht angeboten.
admin-requirement-optional = Für diesen Benutzer freiwillig.
admin-requirement-grace = Für diesen Benutzer vorgeschrieben (innerhalb einer Übergangsfrist).
admin-requirement-required = Für diesen Benutzer vorgeschrieben.
admin-user-recovery-codes = Wiederherstellungscodes
admin-user-codes-left = { $count } übrig
admin-user-codes-none-left = Keine mehr übrig
admin-user-account = Konto
admin-user-groups = Gruppen
admin-user-phone-locked = Die Anmeldecodes von { $name } gehen an diese Nummer. Deshalb kann nur { $name } sie unter „Meine Sicherheitseinstellungen“ ändern, mit einem Code an die neue Nummer.
# { $link } ist ein Link: admin-user-phone-lost-link.
admin-user-phone-lost = Ist das Telefon verloren, { $link }: Nach der Anmeldung ändert der Benutzer die Nummer selbst.
admin-user-phone-lost-link = stellen Sie einen temporären Zugangscode aus
# { $link } ist ein Link: admin-user-phone-reset-link.
admin-user-phone-reset = Oder { $link }; danach können Sie hier eine Nummer eingeben.
admin-user-phone-reset-link = setzen Sie die Bestätigung in zwei Schritten zurück
admin-user-phone-hint = Mit der Ländervorwahl, zum Beispiel +49 151 23456789. Leer lassen, um sie zu entfernen.
admin-user-phone-verified = Der Benutzer hat diese Nummer mit einem Code bestätigt.
admin-user-save-phone = Telefonnummer speichern
admin-user-actions = Aktionen für das Konto
admin-reset = Bestätigung in zwei Schritten zurücksetzen
admin-user-password-link = Link zum Festlegen des Passworts senden
admin-sign-out-everywhere = Überall abmelden
admin-enable-account = Konto aktivieren
admin-disable-account = Konto deaktivieren
admin-make-admin = Zum Administrator machen
admin-remove-admin = Als Administrator entfernen
admin-user-last-admin-me = Sie sind der einzige Administrator, daher kann Ihre Rolle nicht entfernt werden. Machen Sie zuerst jemand anderen zum Administrator.
admin-user-last-admin = { $name } ist der einzige Administrator, daher kann die Rolle nicht entfernt und das Konto nicht deaktiviert werden. Machen Sie zuerst jemand anderen zum Administrator.
# { $issued } und { $until } sind Zeitpunkte.
admin-user-temporary-code = Ein von { $by } am { $issued } ausgestellter Code gilt einmal, bis { $until }.
admin-user-temporary-code-none = Keiner. Für jemanden, der sein Telefon und seine Wiederherstellungscodes verloren hat: ein Code, den Sie der Person vorlesen und mit dem sie sich zusammen mit ihrem Passwort einmal anmelden kann.
admin-user-temporary-code-disabled = Das Konto ist deaktiviert: Mit keinem Code ist eine Anmeldung möglich.
admin-user-temporary-code-no-two-step = { $name } verwendet keine Bestätigung in zwei Schritten: Das Passwort allein genügt zur Anmeldung.
admin-user-devices = Vertrauenswürdige Geräte
admin-user-sessions = Aktive Sitzungen
admin-done-reset = Die Bestätigung in zwei Schritten wurde zurückgesetzt. Der Benutzer wurde überall abgemeldet und per E-Mail benachrichtigt.
admin-done-signed-out = Der Benutzer wurde überall abgemeldet.
admin-done-disabled = Das Konto wurde deaktiviert und überall abgemeldet.
admin-done-enabled = Das Konto wurde aktiviert.
admin-done-admin = Der Benutzer ist jetzt Administrator.
admin-done-not-admin = Der Benutzer ist kein Administrator mehr.
admin-done-phone = Die Telefonnummer wurde gespeichert.
admin-done-added = Der Benutzer wurde hinzugefügt. Wir haben ihm per E-Mail einen Link zum Festlegen des Passworts gesendet: Er kann einmal verwendet werden und gilt 72 Stunden.
admin-done-password-link = Wir haben dem Benutzer per E-Mail einen Link zum Festlegen des Passworts gesendet: Er kann einmal verwendet werden und gilt 72 Stunden. Frühere Links funktionieren nicht mehr.

# Bestätigungsseiten. { $who } ist „Name (E-Mail-Adresse)“.
admin-reset-question = Bestätigung in zwei Schritten für { $name } zurücksetzen?
admin-reset-no-longer-sms = { $who } meldet sich nicht mehr mit Codes per SMS an.
admin-reset-no-longer-app = { $who } meldet sich nicht mehr mit der Authenticator-App an.
admin-reset-no-longer-passkey = { $who } meldet sich nicht mehr mit Passkeys an.
admin-reset-no-method = { $who } hat keine Methode für die Bestätigung in zwei Schritten eingerichtet.
admin-reset-removed = Entfernt werden: { $list }.
admin-reset-removed-app = der Schlüssel der Authenticator-App
admin-reset-removed-phone = das Telefon als Anmeldemethode
admin-reset-removed-codes = { $count ->
    [one] { $count } Wiederherstellungscode
   *[other] { $count } Wiederherstellungscodes
}
admin-reset-removed-devices = { $count ->
    [one] { $count } vertrauenswürdiges Gerät
   *[other] { $count } vertrauenswürdige Geräte
}
admin-reset-sessions-end = Alle Sitzungen werden beendet, auch begonnene, noch nicht abgeschlossene Anmeldungen.
admin-reset-required-again = Die Bestätigung in zwei Schritten ist für diesen Benutzer vorgeschrieben: Er richtet sie bei der nächsten Anmeldung wieder ein.
admin-reset-emailed = Der Benutzer wird per E-Mail benachrichtigt, dass Sie sie zurückgesetzt haben.
admin-sign-out-question = { $name } überall abmelden?
admin-sign-out-sessions = Alle Sitzungen von { $who } werden sofort beendet, auch begonnene, noch nicht abgeschlossene Anmeldungen.
admin-sign-out-again = Der Benutzer meldet sich wieder mit Passwort und zweitem Schritt an.
admin-disable-question = Konto von { $name } deaktivieren?
admin-disable-no-sign-in = { $who } kann sich nicht mehr anmelden.
admin-disable-sessions = Alle Sitzungen werden sofort beendet.
admin-disable-emailed = Der Benutzer wird per E-Mail benachrichtigt, dass ein Administrator das Konto deaktiviert hat.
admin-enable-question = Konto von { $name } aktivieren?
admin-enable-sign-in = { $who } kann sich wieder anmelden, mit Passwort und zweitem Schritt.
admin-make-admin-question = { $name } zum Administrator machen?
admin-make-admin-can = { $who } kann die Verwaltung öffnen: die Sicherheitseinstellungen ändern, Benutzer zurücksetzen, deaktivieren und abmelden und andere zu Administratoren machen.
admin-make-admin-set-up = Wenn Administratoren die Bestätigung in zwei Schritten verwenden müssen, richtet die Person sie bei der nächsten Anmeldung ein.
admin-remove-admin-question = { $name } als Administrator entfernen?
admin-remove-admin-cannot = { $who } kann die Verwaltung nicht mehr öffnen.
admin-password-link-question = { $name } einen Link zum Festlegen des Passworts senden?
admin-password-link-emailed = { $count ->
    [one] Ein Link geht an { $email } und an niemanden sonst: Er funktioniert einmal, { $count } Stunde lang, und wer ihn öffnet, kann das Passwort des Kontos festlegen.
   *[other] Ein Link geht an { $email } und an niemanden sonst: Er funktioniert einmal, { $count } Stunden lang, und wer ihn öffnet, kann das Passwort des Kontos festlegen.
}
admin-password-link-earlier = Frühere Links funktionieren nicht mehr.
admin-password-link-two-step = Die Bestätigung in zwei Schritten bleibt, wie sie ist.
admin-password-link-button = Link senden

# Einen Benutzer hinzufügen.
admin-new-user-intro = Die Person bekommt kein Passwort von Ihnen: Wir senden ihr per E-Mail einen Link, um eines festzulegen. Der Link kann einmal verwendet werden und gilt 3 Tage.
admin-new-user-email-hint = Die Adresse, mit der sich die Person anmeldet. Der Link zum Festlegen des Passworts geht dorthin.
admin-new-user-phone = Telefonnummer (optional)
# Danach folgt ein Beispiel einer Telefonnummer.
admin-new-user-phone-hint = Die Mobilnummer der Person, für SMS mit Anmeldecodes:
admin-new-user-admin-hint = Die Person kann die Verwaltung öffnen und jedes Konto ändern.

# Temporäre Zugangscodes.
admin-code-title = Temporärer Zugangscode für { $name }
admin-code-question = { $name } einen temporären Zugangscode ausstellen?
admin-code-shown-once = Dieser Code wird nur einmal angezeigt. Lesen Sie ihn { $name } jetzt vor, am Telefon oder persönlich: nie per E-Mail oder Chat.
# { $date } ist der Zeitpunkt, ab dem der Code nicht mehr funktioniert.
admin-code-use = Zusammen mit ihrem Passwort kann sich die Person damit bis { $date } einmal ohne Bestätigungscode anmelden. Nach 5 falschen Versuchen funktioniert der Code nicht mehr. Nach der Anmeldung richtet sie unter „Meine Sicherheitseinstellungen“ ein neues Telefon oder eine neue App ein.
admin-code-make-sure = Vergewissern Sie sich, dass wirklich { $name } fragt: Rufen Sie die Person unter einer Nummer an, die Sie bereits kennen, oder treffen Sie sie.
admin-code-shown-to-you = Der Code wird Ihnen einmal angezeigt, damit Sie ihn vorlesen können. Zusammen mit ihrem Passwort kann sich die Person damit einmal ohne Bestätigungscode anmelden. Es wird nichts ausgeschaltet.
admin-code-earlier-stops = Der zuvor ausgestellte Code funktioniert nicht mehr.
admin-code-emailed = { $name } wird per E-Mail benachrichtigt, dass ein Code ausgestellt wurde; der Code selbst steht nicht darin.
admin-code-valid-for = Gültig für
admin-code-issue = Code ausstellen
admin-code-choose-validity = Wählen Sie 1 Stunde, 8 Stunden oder 24 Stunden.
admin-code-refused-disabled = Dieses Konto ist deaktiviert: Mit keinem Code ist eine Anmeldung möglich. Aktivieren Sie zuerst das Konto.
admin-code-refused-no-two-step = Dieses Konto verwendet keine Bestätigung in zwei Schritten: Das Passwort allein genügt zur Anmeldung, ein temporärer Zugangscode hätte also nichts zu ersetzen.

# Gruppen.
admin-groups-none = Noch keine Gruppen.
admin-group-members = Mitglieder
admin-group-rule = Bestätigung in zwei Schritten für Mitglieder
admin-groups-grace = { $count ->
    [one] (Übergangsfrist { $count } Tag)
   *[other] (Übergangsfrist { $count } Tage)
}
admin-groups-create-title = Gruppe erstellen
admin-group-name = Name der Gruppe
admin-groups-create = Gruppe erstellen
admin-group-allowed = Erlaubt
admin-group-allowed-hint = Für die Mitglieder gilt die Einstellung der Plattform unter „Sicherheitseinstellungen“.
admin-group-not-available = Nicht verfügbar
admin-group-not-available-hint = Die Mitglieder können sie nicht einschalten, außer etwas anderes schreibt sie ihnen vor. Wer sie bereits verwendet, darf sie behalten.
admin-group-required = Vorgeschrieben
admin-group-required-hint = Die Mitglieder müssen sie einrichten und können sie nicht ausschalten. Diese Einstellung hat Vorrang vor „Nicht verfügbar“ aus einer anderen Gruppe.
admin-group-methods = Methoden, die Mitglieder verwenden dürfen
admin-group-any-method = Jede Methode
admin-group-any-method-hint = Passkeys, SMS oder eine Authenticator-App.
admin-group-passkeys-only = Nur Passkeys
admin-group-passkeys-only-hint = Mitglieder, die die Bestätigung in zwei Schritten verwenden oder verwenden müssen, fügen bei der nächsten Anmeldung (nach der Übergangsfrist) einen Passkey hinzu und können den letzten nicht entfernen; danach bestätigen sie nur noch mit einem Passkey. Passkeys sind vor Phishing sicher.
admin-group-grace = Übergangsfrist (Tage)
admin-group-grace-hint = Für „Vorgeschrieben“ oder „Nur Passkeys“: Tage, die Mitglieder zum Einrichten haben, gezählt ab dem Zeitpunkt, ab dem die Regel für sie gilt. Leer oder 0: bei der nächsten Anmeldung.
admin-group-preview = { $count ->
    [one] Die Bestätigung in zwei Schritten für diese Gruppe vorzuschreiben heißt: { $count } Mitglied muss sie bei der nächsten Anmeldung einrichten.
   *[other] Die Bestätigung in zwei Schritten für diese Gruppe vorzuschreiben heißt: { $count } Mitglieder müssen sie bei der nächsten Anmeldung einrichten.
}
admin-group-preview-grace = { $count ->
    [one] Die Bestätigung in zwei Schritten für diese Gruppe vorzuschreiben heißt: { $count } Mitglied muss sie innerhalb der Übergangsfrist einrichten.
   *[other] Die Bestätigung in zwei Schritten für diese Gruppe vorzuschreiben heißt: { $count } Mitglieder müssen sie innerhalb der Übergangsfrist einrichten.
}
admin-preview-no-phone = { $count ->
    [one] { $count } davon hat keine Telefonnummer, an die Codes gehen können (keine im Konto oder eine außerhalb der erlaubten SMS-Länder).
   *[other] { $count } davon haben keine Telefonnummer, an die Codes gehen können (keine im Konto oder eine außerhalb der erlaubten SMS-Länder).
}
admin-group-member-count = { $count ->
    [one] { $count } Mitglied.
   *[other] { $count } Mitglieder.
}
admin-group-search = Mitglieder suchen
admin-group-search-hint = Der Anfang einer E-Mail-Adresse oder eines Wortes im Namen oder eine Telefonnummer.
admin-group-no-members = Noch keine Mitglieder.
admin-group-no-match = Keine Mitglieder gefunden.
admin-remove-from = { $name } aus { $group } entfernen
admin-group-next-members = Weitere Mitglieder
admin-group-manage = Umbenennen oder löschen
admin-group-rename = Umbenennen
admin-group-delete = Gruppe löschen
admin-group-done-created = Die Gruppe wurde erstellt.
admin-group-done-renamed = Die Gruppe wurde umbenannt.
admin-group-done-rule = Die Regel für die Mitglieder wurde gespeichert.
admin-group-done-added = Das Mitglied wurde hinzugefügt.
admin-group-done-removed = Das Mitglied wurde entfernt.
admin-group-member-added = { $name } wurde hinzugefügt.
admin-group-member-already = { $name } ist bereits Mitglied.
admin-group-member-removed = { $name } wurde entfernt.
admin-group-name-missing = Geben Sie einen Namen für die Gruppe ein.
admin-group-name-too-long = Der Name der Gruppe darf höchstens { $max } Zeichen lang sein, in einer Zeile.
admin-group-choose-rule = Wählen Sie „Erlaubt“, „Nicht verfügbar“ oder „Vorgeschrieben“.
admin-group-grace-invalid = Geben Sie die Übergangsfrist als ganze Zahl von Tagen zwischen 0 und { $max } ein, oder lassen Sie das Feld leer.
admin-group-choose-methods = Wählen Sie „Jede Methode“ oder „Nur Passkeys“.
admin-group-member-email-missing = Geben Sie die E-Mail-Adresse der Person ein, die Sie hinzufügen möchten.
# Eine Änderung der Regel einer Gruppe, im Ereignisprotokoll.
admin-rule-change-two-step = Bestätigung in zwei Schritten für Mitglieder: { $before } → { $after }
admin-rule-change-methods = Methoden: { $before } → { $after }
admin-rule-change-grace = Übergangsfrist: { $before } → { $after }

# Die Benutzerrechte eines Datenraums.
admin-rights = Benutzerrechte
admin-rights-room = Datenraum
admin-rights-group = Benutzergruppe
admin-rights-show = Anzeigen
admin-rights-no-members = Noch keine Mitglieder in dieser Gruppe.
admin-rights-caption = Mitglieder von { $group }
admin-rights-phone = Telefonnummer für die Bestätigung in zwei Schritten
admin-rights-no-phone = Keine
# Nach „Bearbeiten“, für Screenreader.
admin-rights-edit-hidden = – Telefonnummer für die Bestätigung in zwei Schritten von { $name }
# Nach „Entfernen“, für Screenreader.
admin-rights-remove-hidden = – { $name } aus { $group }
admin-rights-no-groups = Dieser Datenraum hat noch keine Benutzergruppen.
admin-rights-create-one = Eine erstellen
admin-invitation-title = Einladung gesendet
admin-invitation-sent = Wir haben eine Einladung an { $email } gesendet.
admin-invitation-explained = { $count ->
    [one] Kein Konto hat die Adresse { $email }. Mit der Einladung kann die Person, die dieses Postfach liest, ihr Konto erstellen und { $room } beitreten. Der Link funktioniert einmal, { $count } Tag lang, und nur sie erhält ihn. Geht er verloren, fügen Sie die Adresse erneut hinzu: Eine neue Einladung ersetzt die alte.
   *[other] Kein Konto hat die Adresse { $email }. Mit der Einladung kann die Person, die dieses Postfach liest, ihr Konto erstellen und { $room } beitreten. Der Link funktioniert einmal, { $count } Tage lang, und nur sie erhält ihn. Geht er verloren, fügen Sie die Adresse erneut hinzu: Eine neue Einladung ersetzt die alte.
}

# Sicherheitseinstellungen: die Namen der Einstellungen (auch in der Meldung nach dem Speichern und im Ereignisprotokoll).
admin-setting-required-everyone = Für alle vorgeschrieben
admin-setting-require-for-admins = Bestätigung in zwei Schritten für Administratoren vorschreiben
admin-setting-admins-use-passkeys = Administratoren müssen Passkeys verwenden
admin-setting-default-language = Standardsprache
admin-setting-new-device-alerts = Benutzer per E-Mail benachrichtigen, wenn sie sich auf einem neuen Gerät anmelden
admin-setting-trusted-devices = Vertrauenswürdige Geräte laufen ab
admin-setting-users-choose-session = Benutzer können die Dauer ihrer Sitzung wählen
admin-setting-max-session = Längste Sitzung, die Benutzer wählen können
admin-setting-inactivity = Abmelden nach Inaktivität
admin-setting-reminder = Benutzer ohne Bestätigung in zwei Schritten daran erinnern
admin-setting-open-registration = Personen können selbst ein Konto erstellen
admin-setting-app-name = Name der Anwendung
admin-setting-sms-countries = Erlaubte SMS-Länder
admin-setting-default-country = Standardland für Telefonnummern
admin-setting-phone-sign-in = Registrierung und Anmeldung mit Telefonnummer erlauben
admin-setting-users-edit-profile = Benutzer können ihr Profil bearbeiten
admin-setting-sms-daily-budget = SMS-Tagesbudget
admin-setting-sms-per-number = SMS pro Tag und Nummer
admin-setting-sms-per-address = SMS pro Tag und Client-Adresse
admin-setting-sms-per-network = SMS pro Tag und Netz
admin-setting-sms-per-country = SMS pro Tag und Ländervorwahl
admin-setting-after-days = { $count ->
    [one] Nach { $count } Tag
   *[other] Nach { $count } Tagen
}
# Alle SMS-Länder sind erlaubt.
admin-setting-all = Alle
# Kein Standardland, keine Übergangsfrist.
admin-setting-none = keine
# Eine gespeicherte Änderung: „Vertrauenswürdige Geräte laufen ab: Nach 30 Tagen → Nie“.
admin-setting-change = { $setting }: { $before } → { $after }
admin-settings-saved = Gespeichert.
admin-settings-nothing-changed = Nichts wurde geändert.
admin-settings-optional = Freiwillig
admin-settings-off-hint = Wird niemandem angeboten (Administratoren doch, wenn sie für sie vorgeschrieben ist).
admin-settings-optional-hint = Die Benutzer entscheiden selbst.
admin-settings-required-hint = Alle richten sie bei der nächsten Anmeldung ein.
admin-settings-require-for-admins-hint = Administratoren richten sie bei der nächsten Anmeldung ein und können sie nicht ausschalten. Wird nicht abgefragt, wenn sie für alle vorgeschrieben ist.
admin-settings-admins-use-passkeys-hint = Administratoren, die die Bestätigung in zwei Schritten verwenden oder verwenden müssen, fügen bei der nächsten Anmeldung einen Passkey hinzu und können den letzten nicht entfernen; danach bestätigen sie nur noch mit einem Passkey, der vor Phishing sicher ist.
admin-settings-default-language-hint = Für Personen, deren Browser keine der angebotenen Sprachen verlangt und die keine gewählt haben.
admin-settings-new-device-alerts-hint = Eine Anmeldung aus einem Browser, den das Konto noch nicht verwendet hat, wird dem Inhaber per E-Mail gemeldet, mit „Das war ich nicht“, um jede Sitzung zu beenden und ein neues Passwort festzulegen. Ein Passwort, das ohne abgeschlossenen zweiten Schritt verwendet wird, wird immer per E-Mail gemeldet.
admin-settings-reminder-hint = Nur wenn sie freiwillig ist. Jedes Mal, wenn Benutzer ohne sie { $app } öffnen, bis sie sie einschalten oder „Nicht jetzt“ für die Sitzung wählen, lesen sie:
admin-settings-sessions-title = Sitzungen und Geräte
admin-settings-accounts-title = Konten und Registrierung
admin-settings-open-registration-hint = Aus: Nur Administratoren fügen Benutzer hinzu, und die Seite „Konto erstellen“ ist geschlossen.
admin-settings-phone-sign-in-hint = Personen registrieren sich und melden sich mit einem Code an, der per SMS an ihr Telefon geht. Wer die Bestätigung in zwei Schritten verwenden muss, gibt zusätzlich das Passwort oder einen Code aus der Authenticator-App ein.
admin-settings-users-edit-profile-hint = Aus: Nur Administratoren ändern die Telefonnummer eines Benutzers, unter „Benutzer“.
admin-settings-name-title = Der Name der Anwendung
admin-settings-app-name-hint = Im Titel jeder Seite, in den E-Mails und in den SMS mit den Codes.
admin-settings-sms-title = SMS und Obergrenzen
admin-settings-sms-countries-hint = Ländercodes aus zwei Buchstaben, durch Kommas getrennt, zum Beispiel SE, NO. Leer: alle Länder.
admin-settings-default-country-hint = Ein Ländercode aus zwei Buchstaben, zum Beispiel SE: Nummern aus diesem Land können ohne Ländervorwahl eingegeben werden (070 123 45 67). Leer: das einzige erlaubte SMS-Land, wenn es nur eines gibt, sonst beginnt jede Nummer mit ihrer Ländervorwahl.
admin-settings-limits-legend = SMS an Nummern, die kein Konto bestätigt hat
admin-settings-limits-hint = Registrierung, Anmeldung per Telefon an eine neue Nummer, Einrichten oder Ändern einer Nummer: die SMS, die SMS-Pumping missbraucht. Jede Obergrenze zählt einen Tag (UTC). Anmeldecodes an eine bestätigte Nummer zählen nie und werden immer gesendet.
admin-settings-sms-daily-budget-hint = Für die gesamte Plattform. Bei 80 % werden die Administratoren per E-Mail benachrichtigt; bei 100 % werden diese SMS bis zum nächsten Tag ausgesetzt.
admin-settings-sms-per-network-hint = Ein Netz ist das /24 einer IPv4-Adresse, das /48 einer IPv6-Adresse.
admin-settings-preview = { $count ->
    [one] Die Bestätigung in zwei Schritten für alle vorzuschreiben heißt: { $count } Benutzer muss sie bei der nächsten Anmeldung einrichten, vor allem anderen.
   *[other] Die Bestätigung in zwei Schritten für alle vorzuschreiben heißt: { $count } Benutzer müssen sie bei der nächsten Anmeldung einrichten, vor allem anderen.
}
admin-settings-preview-no-phone = { $count ->
    [one] { $count } davon hat keine Telefonnummer, an die Codes gehen können (keine im Konto oder eine außerhalb der erlaubten SMS-Länder): Diese Person braucht eine Authenticator-App oder eine Telefonnummer.
   *[other] { $count } davon haben keine Telefonnummer, an die Codes gehen können (keine im Konto oder eine außerhalb der erlaubten SMS-Länder): Sie brauchen eine Authenticator-App oder eine Telefonnummer.
}
admin-settings-choose-two-step = Wählen Sie, ob die Bestätigung in zwei Schritten aus, freiwillig oder vorgeschrieben ist.
admin-settings-choose-trusted = Wählen Sie, wann vertrauenswürdige Geräte ablaufen.
admin-settings-choose-session = Wählen Sie die längste Sitzung aus der Liste.
admin-settings-choose-inactivity = Wählen Sie aus der Liste, wann nach Inaktivität abgemeldet wird.
admin-settings-app-name-missing = Geben Sie den Namen der Anwendung ein.
admin-settings-app-name-too-long = Der Name der Anwendung darf höchstens { $max } Zeichen lang sein, in einer Zeile.
admin-settings-countries-invalid = Geben Sie Ländercodes aus zwei Buchstaben ein, durch Kommas getrennt, zum Beispiel SE, NO, oder lassen Sie das Feld leer, um alle Länder zu erlauben.
admin-settings-country-invalid = Geben Sie einen Ländercode aus zwei Buchstaben ein, zum Beispiel SE, oder lassen Sie das Feld leer.
admin-settings-choose-language = Wählen Sie eine der angebotenen Sprachen.
admin-settings-budget-invalid = Geben Sie das SMS-Tagesbudget als ganze Zahl von 0 bis { $max } ein.
admin-settings-per-number-invalid = Geben Sie die SMS pro Tag und Nummer als ganze Zahl von 0 bis { $max } ein.
admin-settings-per-address-invalid = Geben Sie die SMS pro Tag und Client-Adresse als ganze Zahl von 0 bis { $max } ein.
admin-settings-per-network-invalid = Geben Sie die SMS pro Tag und Netz als ganze Zahl von 0 bis { $max } ein.
admin-settings-per-country-invalid = Geben Sie die SMS pro Tag und Ländervorwahl als ganze Zahl von 0 bis { $max } ein.
