# Das Ereignisprotokoll (/admin/audit) und die Ereignistabellen der Verwaltung.
audit-title = Ereignisprotokoll
audit-user = Benutzer (E-Mail-Adresse)
audit-user-hint = Eine Adresse, die zu keinem Konto gehört, findet die damit versuchten Anmeldungen.
audit-event = Ereignis
audit-all-events = Alle Ereignisse
audit-from = Von (JJJJ-MM-TT)
audit-until = Bis (JJJJ-MM-TT)
audit-filter = Filtern
audit-unknown-address = Kein Konto hat die Adresse { $address }: Dies sind die damit versuchten Anmeldungen.
audit-download = Herunterladen (CSV)
audit-none = Keine passenden Ereignisse.
audit-older = Ältere Ereignisse
audit-no-account = { $address } (kein Konto)
audit-choose-event = Wählen Sie ein Ereignis aus der Liste.
audit-from-invalid = Geben Sie das erste Datum als JJJJ-MM-TT ein.
audit-until-invalid = Geben Sie das letzte Datum als JJJJ-MM-TT ein.
audit-until-before-from = Das letzte Datum muss gleich dem ersten Datum sein oder danach liegen.
audit-bad-page-link = Der Seitenlink ist fehlerhaft. Beginnen Sie wieder auf der ersten Seite.
audit-events-caption = Sicherheitsereignisse
audit-column-time = Zeit
audit-column-event = Ereignis
audit-column-by = Ausgeführt von
audit-column-user = Benutzer
audit-column-ip = IP-Adresse
audit-column-detail = Details

# Die Gruppen des Ereignisfilters.
audit-group-sign-in = Anmeldung
audit-group-two-step = Bestätigung in zwei Schritten
audit-group-administration = Verwaltung
audit-group-rooms = Datenräume
audit-group-text-messages = SMS

# Wie jede Art von Ereignis heißt.
event-user-registered = Registriert
event-user-registered-by-phone = Mit einer Telefonnummer registriert
event-user-registered-again = Registrierung mit einer bereits verwendeten Adresse versucht
event-email-confirmed = E-Mail-Adresse bestätigt
event-sign-in-succeeded = Angemeldet
event-sign-in-failed = Anmeldung fehlgeschlagen
event-sign-in-throttled = Anmeldung nach zu vielen Versuchen gesperrt
event-sign-in-unconfirmed = Anmeldung wartet auf Bestätigung der E-Mail-Adresse
event-sign-in-code-required = Passwort richtig, Code angefordert
event-sign-in-trusted-device = Auf einem vertrauenswürdigen Gerät angemeldet
event-sign-in-phone-code-requested = Code für die Anmeldung per Telefon angefordert
event-sign-in-phone-succeeded = Mit einer Telefonnummer angemeldet
event-sign-in-phone-failed = Anmeldung per Telefon fehlgeschlagen
event-sign-in-phone-second-factor-required = Telefoncode richtig, Passwort angefordert
event-sign-out = Abgemeldet
event-reauth-succeeded = Passwort bestätigt
event-reauth-failed = Passwortbestätigung fehlgeschlagen
event-password-changed = Passwort geändert
event-password-change-failed = Passwortänderung fehlgeschlagen
event-password-reset-requested = Link zum Zurücksetzen des Passworts gesendet
event-password-set = Passwort festgelegt
event-session-ended = Sitzung beendet
event-session-others-ended = Andere Sitzungen beendet
event-session-duration-changed = Sitzungsdauer geändert
event-user-profile-phone-changed = Telefonnummer im Profil geändert
event-two-step-enabled = Bestätigung in zwei Schritten eingeschaltet
event-two-step-disabled = Bestätigung in zwei Schritten ausgeschaltet
event-two-step-method-changed = Methode der Bestätigung in zwei Schritten geändert
event-two-step-factor-removed = Methode der Bestätigung in zwei Schritten entfernt
event-phone-changed = Telefonnummer für Codes geändert
event-code-verified = SMS-Code war richtig
event-code-failed = SMS-Code war falsch
event-code-locked = SMS-Code nach Fehlversuchen gesperrt
event-totp-verified = Code der Authenticator-App war richtig
event-totp-failed = Code der Authenticator-App war falsch
event-totp-replay-refused = Code der Authenticator-App zweimal verwendet
event-recovery-codes-generated = Wiederherstellungscodes erstellt
event-recovery-codes-replaced = Wiederherstellungscodes ersetzt
event-recovery-code-used = Wiederherstellungscode verwendet
event-recovery-code-failed = Wiederherstellungscode war falsch
event-temporary-code-issued = Temporärer Zugangscode ausgestellt
event-temporary-code-used = Temporärer Zugangscode verwendet
event-temporary-code-failed = Temporärer Zugangscode war falsch
event-sign-in-help-requested = Administratoren um Hilfe gebeten
event-account-secured = Konto nach „Das war ich nicht“ gesichert
event-device-trusted = Gerät als vertrauenswürdig gespeichert
event-device-removed = Vertrauenswürdiges Gerät entfernt
event-admin-created = Administratorkonto erstellt
event-user-created-cli = Konto über die Befehlszeile erstellt
event-user-added-by-admin = Benutzer hinzugefügt
event-password-link-made = Passwortlink erstellt
event-platform-settings-changed = Sicherheitseinstellungen geändert
event-two-step-reset = Bestätigung in zwei Schritten zurückgesetzt
event-account-disabled = Konto deaktiviert
event-account-enabled = Konto aktiviert
event-admin-granted = Zum Administrator gemacht
event-admin-revoked = Nicht mehr Administrator
event-session-all-ended = Von einem Administrator abgemeldet
event-phone-set-by-admin = Telefonnummer von einem Administrator festgelegt
event-user-name-changed-by-admin = Name von einem Administrator geändert
event-group-created = Gruppe erstellt
event-group-renamed = Gruppe umbenannt
event-group-deleted = Gruppe gelöscht
event-group-rule-changed = Bestätigung in zwei Schritten der Gruppe geändert
event-group-member-added = Zu einer Gruppe hinzugefügt
event-group-member-removed = Aus einer Gruppe entfernt
event-email-given-up = E-Mail konnte nicht zugestellt werden
event-application-added = Anwendung hinzugefügt
event-application-changed = Anwendung geändert
event-application-secret-renewed = Geheimnis der Anwendung erneuert
event-application-deleted = Anwendung gelöscht
event-application-signed-in = Bei einer Anwendung angemeldet
event-passkey-refused = Passkey nicht akzeptiert
event-passkey-counter-refused = Passkey als mögliche Kopie abgelehnt
event-passkey-added = Passkey hinzugefügt
event-passkey-removed = Passkey entfernt
event-room-created = Datenraum erstellt
event-room-edited = Einstellungen des Datenraums geändert
event-room-enforcement-on = Erzwungene Bestätigung in zwei Schritten eingeschaltet
event-room-enforcement-off = Erzwungene Bestätigung in zwei Schritten ausgeschaltet
event-room-group-created = Benutzergruppe eines Datenraums erstellt
event-room-member-added = Zu einer Benutzergruppe eines Datenraums hinzugefügt
event-room-member-removed = Aus einer Benutzergruppe eines Datenraums entfernt
event-room-invitation-made = In einen Datenraum eingeladen
event-room-invitation-accepted = Einladung in einen Datenraum angenommen
event-room-phone-set = Telefonnummer für den Datenraum festgelegt
event-room-phone-cleared = Telefonnummer für den Datenraum entfernt
event-room-step-passed = Code des Datenraums war richtig
event-room-step-failed = Code des Datenraums war falsch
event-room-step-locked = Code des Datenraums nach Fehlversuchen gesperrt
event-sms-sent = SMS gesendet
event-sms-send-failed = SMS vom Anbieter nicht angenommen
event-sms-send-refused = SMS durch eine Obergrenze zurückgehalten

# Jedes gespeicherte Detail als Satz.
audit-command-line = Über die Befehlszeile.
audit-and-command-line = { $sentence } Über die Befehlszeile.
audit-say-setup-link = Mit dem Einrichtungslink.
audit-say-with-password = Mit dem Passwort.
audit-say-with-password-sms = Mit dem Passwort und einem Code per SMS.
audit-say-with-password-app = Mit dem Passwort und einem Code aus der Authenticator-App.
audit-say-with-password-recovery = Mit dem Passwort und einem Wiederherstellungscode.
audit-say-with-password-passkey = Mit dem Passwort und einem Passkey.
audit-say-with-password-temporary = Mit dem Passwort und einem temporären Zugangscode.
audit-say-with-passkey-alone = Nur mit einem Passkey, mit seiner PIN oder Biometrie.
audit-say-with-phone-code = Mit einem Code per SMS an die Telefonnummer.
audit-say-with-phone-registration = Mit dem Code, der zur Registrierung mit der Telefonnummer gesendet wurde.
audit-say-with-phone-code-password = Mit einem Code an die Telefonnummer und dem Passwort.
audit-say-with-phone-code-app = Mit einem Code an die Telefonnummer und einem Code aus der Authenticator-App.
audit-say-wrong-password = Falsches Passwort.
audit-say-no-account = Kein Konto hat die eingegebene E-Mail-Adresse.
audit-say-right-password-disabled = Das Passwort war richtig, aber das Konto ist deaktiviert.
audit-say-wrong-password-confirming = Falsches Passwort beim Bestätigen der E-Mail-Adresse.
audit-say-throttled = Zu viele falsche Passwörter: ohne Prüfung abgelehnt.
audit-say-throttled-no-account = Zu viele Versuche: ohne Prüfung abgelehnt. Kein Konto hat die eingegebene E-Mail-Adresse.
audit-say-next-sms = Als Nächstes wird ein Code per SMS verlangt.
audit-say-next-app = Als Nächstes wird ein Code aus der Authenticator-App verlangt.
audit-say-next-passkey = Als Nächstes wird ein Passkey verlangt.
audit-say-trusted-device-sign-in = Mit dem Passwort; auf diesem vertrauenswürdigen Gerät wurde kein Code verlangt.
audit-say-unconfirmed = Die E-Mail-Adresse ist noch nicht bestätigt.
audit-say-current-password-wrong = Das aktuelle Passwort war falsch.
audit-say-reset-emailed = Ein Link zum Wählen eines neuen Passworts wurde per E-Mail gesendet.
audit-say-reset-emailed-unconfirmed = Ein Link zum Wählen eines neuen Passworts wurde an die noch zu bestätigende Adresse gesendet.
audit-say-password-set-link = Mit einem einmaligen Link.
audit-say-password-set-first = Ein erstes Passwort, nach einem Code an die bestätigte Telefonnummer.
audit-say-password-set-link-and-code = Mit einem einmaligen Link und einem Code an die bestätigte Telefonnummer.
audit-say-registered-again = Jemand hat sich erneut mit dieser Adresse registriert; ihr Inhaber wurde per E-Mail benachrichtigt.
audit-say-other-sessions-ended = { $count ->
    [one] 1 andere Sitzung beendet.
   *[other] { $count } andere Sitzungen beendet.
}
audit-say-until-browser-closes = Bleibt angemeldet, bis der Browser geschlossen wird.
audit-say-stays-signed-in = Bleibt { $duration } angemeldet.
audit-say-profile-phone = Die Telefonnummer im Profil ist jetzt { $phone }.
audit-say-registered-phone = Mit der Telefonnummer { $phone }.
audit-say-phone-code-sent = Für { $phone }, die Nummer eines Kontos: Ein Code wurde gesendet.
audit-say-phone-code-register = Für { $phone }, die zu keinem Konto gehört: Ein Code zur Registrierung wurde gesendet.
audit-say-phone-code-nothing-sent = Für { $phone }, die zu keinem Konto gehört: Es wurde nichts gesendet.
audit-say-phone-wrong-code-or-password = Ein falscher Code oder ein falsches Passwort.
audit-say-phone-wrong-code-or-number = Ein falscher Code oder eine Nummer, die zu keinem Konto gehört.
audit-say-password-next = Dieses Konto verwendet die Bestätigung in zwei Schritten: Als Nächstes wird das Passwort verlangt.
audit-say-with-sms = Mit SMS.
audit-say-with-sms-to = Mit SMS an { $phone }.
audit-say-with-app = Mit einer Authenticator-App.
audit-say-with-passkey = Mit einem Passkey.
# $words: wie die Methode gespeichert wurde, auf Englisch ("text messages to +46 ••• ••• 67").
audit-say-with-words = Mit: { $words }.
audit-say-now-sms = Jetzt mit SMS.
audit-say-now-sms-to = Jetzt mit SMS an { $phone }.
audit-say-now-app = Jetzt mit einer Authenticator-App.
audit-say-now-passkey = Jetzt mit einem Passkey.
audit-say-now-words = Jetzt mit: { $words }.
audit-say-removed-sms = Codes per SMS wurden entfernt.
audit-say-removed-app = Die Authenticator-App wurde entfernt.
audit-say-removed-passkey = Der letzte Passkey wurde entfernt.
audit-say-two-step-off = Methoden, Wiederherstellungscodes und vertrauenswürdige Geräte wurden entfernt.
audit-say-codes-go-to = Codes gehen jetzt an { $phone }.
# $purpose: eine der audit-purpose-…-Nachrichten (Akkusativ, nach „für“).
audit-say-for = Für { $purpose }.
audit-say-code-for = Ein Code für { $purpose }.
# $reason: eine der audit-limit-…-Nachrichten.
audit-say-code-held-back = Ein Code für { $purpose }: { $reason }.
audit-say-setting-up-app = Beim Einrichten der Authenticator-App.
audit-say-while-signing-in = Bei der Anmeldung.
audit-say-code-replayed = Ein bereits verwendeter Code wurde erneut eingegeben.
audit-say-recovery-codes-left = { $count ->
    [one] 1 Wiederherstellungscode übrig.
   *[other] { $count } Wiederherstellungscodes übrig.
}
audit-say-codes-replaced = Die bisherigen Codes funktionieren nicht mehr.
audit-say-device = { $device }.
audit-say-all-devices = Alle vertrauenswürdigen Geräte ({ $count }).
audit-say-two-step-reset = Alle Methoden, Wiederherstellungscodes, vertrauenswürdigen Geräte und Sitzungen wurden entfernt.
audit-say-sessions-ended = { $count ->
    [one] 1 Sitzung beendet.
   *[other] { $count } Sitzungen beendet.
}
audit-say-as-administrator = Als Administrator.
audit-say-password-link = Ein einmaliger Link zum Wählen eines Passworts.
audit-say-group = Die Gruppe { $group }.
audit-say-group-renamed = Von { $before } zu { $after }.
audit-say-to-group = Zur Gruppe { $group }.
audit-say-from-group = Aus der Gruppe { $group }.
audit-say-email-given-up = Eine E-Mail an { $address } wurde nach wiederholten Fehlern aufgegeben: { $error }.
audit-say-application = Die Anwendung { $application }.
audit-say-signed-in-to = Bei { $application } angemeldet.
audit-say-passkey = Der Passkey { $name }.
audit-say-passkey-copied = Der Passkey { $name } antwortete mit einem Signaturzähler, der nicht weitergezählt hat: Er wurde möglicherweise kopiert.
audit-say-passkey-stale = Die Antwort galt einer Anfrage, die schon beantwortet oder älter als 5 Minuten war.
audit-say-passkey-not-an-answer = Was der Browser gesendet hat, war keine Antwort eines Passkeys.
audit-say-passkey-unknown = Der Passkey ist hier nicht registriert.
audit-say-passkey-other-handle = Der Passkey nannte ein anderes Konto.
audit-say-passkey-other-account = Der Passkey gehört zu einem anderen Konto.
audit-say-passkey-not-verified = Die Antwort ließ sich nicht prüfen (eine andere Website, eine falsche Signatur oder keine PIN oder Biometrie, wo sie nötig sind).
audit-say-passkey-twice = Dieselbe Passkey-Antwort wurde zweimal gleichzeitig gesendet.
audit-say-passkey-account-disabled = Das Konto ist deaktiviert.
audit-say-valid-for = Gültig für { $duration }.
audit-say-temporary-code-used = Damit angemeldet; er funktioniert nicht mehr.
audit-say-temporary-code-ended = Fünf Fehlversuche: Der Code funktioniert nicht mehr.
audit-say-account-secured = Das Passwort funktioniert nicht mehr; { $sessions ->
    [one] 1 Sitzung beendet
   *[other] { $sessions } Sitzungen beendet
}, { $devices ->
    [one] 1 vertrauenswürdiges Gerät entfernt
   *[other] { $devices } vertrauenswürdige Geräte entfernt
}; ein Link zum Wählen eines neuen wurde per E-Mail gesendet.
audit-say-help-requested = Telefon verloren: Die Administratoren haben per E-Mail einen Link zum Konto erhalten.
audit-say-provider-refused = Der Anbieter hat sie abgelehnt: { $reason } (Fehler { $code }).
audit-say-provider-unavailable = Der Anbieter war nicht erreichbar oder ist ausgefallen; es wurde nichts gesendet.
audit-say-room = Datenraum { $room }.
# $more: eine der audit-room-…-Nachrichten.
audit-say-room-and = Datenraum { $room }: { $more }

# Was ein Raumereignis nach dem Namen des Raums ergänzt.
audit-room-invited = { $email } wurde in die Benutzergruppe { $group } eingeladen.
audit-room-group-created = Benutzergruppe { $group }.
audit-room-member-added = zur Benutzergruppe { $group }.
audit-room-member-removed = aus der Benutzergruppe { $group }.
audit-room-member-left = aus der Benutzergruppe { $group }, und nicht mehr im Datenraum.
audit-room-member-left-cleared = aus der Benutzergruppe { $group }, und nicht mehr im Datenraum; die Telefonnummer für die Bestätigung in zwei Schritten wurde entfernt.
# $changes: die audit-room-…-Änderungen unten, durch Kommas getrennt.
audit-room-changes = { $changes }.
audit-room-renamed = Name { $before } → { $after }
audit-room-address-changed = Anwendungsadresse { $before } → { $after }
audit-room-no-address = keine
audit-room-enforced-on = erzwungene Bestätigung in zwei Schritten eingeschaltet
audit-room-enforced-off = erzwungene Bestätigung in zwei Schritten ausgeschaltet
audit-room-nothing-changed = nichts geändert
audit-room-admins-added = Administratoren hinzugefügt: { $added }
audit-room-admins-removed = Administratoren entfernt: { $removed }
audit-room-admins-added-removed = Administratoren hinzugefügt: { $added }; entfernt: { $removed }

# Wofür ein Code war, nach „für“.
audit-purpose-sign-in = die Anmeldung
audit-purpose-phone-enrolment = das Einrichten der Bestätigung in zwei Schritten per SMS
audit-purpose-phone-change = das Ändern der Telefonnummer für Codes
audit-purpose-room-entry = das Öffnen eines Datenraums
audit-purpose-phone-sign-in = die Anmeldung mit einer Telefonnummer
audit-purpose-phone-registration = die Registrierung mit einer Telefonnummer
audit-purpose-profile-phone = das Bestätigen einer Telefonnummer im Profil
audit-purpose-password-set = das Festlegen eines Passworts

# Welches Limit einen Code zurückgehalten hat.
audit-limit-cooldown = zu schnell nach dem letzten erneut angefordert
audit-limit-per-subject-hourly = das stündliche Limit an Codes für dieses Konto war erreicht
audit-limit-per-phone-daily = das tägliche Limit an Codes an diese Telefonnummer war erreicht
audit-limit-per-ip-hourly = das stündliche Limit an Codes von dieser IP-Adresse war erreicht
audit-limit-daily-budget = das tägliche SMS-Budget ist aufgebraucht
audit-limit-per-number = das tägliche Limit an Codes an diese neue Nummer war erreicht
audit-limit-per-address = das tägliche Limit an Codes an neue Nummern von dieser IP-Adresse war erreicht
audit-limit-per-network = das tägliche Limit an Codes an neue Nummern aus diesem Netz war erreicht
audit-limit-per-country = das tägliche Limit an Codes an neue Nummern in diesem Land war erreicht

# Gespeicherte Zeitspannen („8 hours“).
audit-minutes = { $count ->
    [one] 1 Minute
   *[other] { $count } Minuten
}
audit-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
audit-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tage
}

# API-Schlüssel (/admin/api-keys). $name: der Name des Schlüssels; $scopes: seine Berechtigungen, wie Skripte sie schreiben.
event-api-key-created = API-Schlüssel erstellt
event-api-key-revoked = API-Schlüssel widerrufen
event-two-step-reminder-sent = Erinnerung an die Bestätigung in zwei Schritten gesendet
audit-api-key = API-Schlüssel „{ $name }“
audit-say-api-key = Der API-Schlüssel „{ $name }“.
audit-say-api-key-created = Der API-Schlüssel „{ $name }“ mit den Berechtigungen { $scopes }.

# Operators' key rotations (`twostep secret-key rotate`, `twostep signing-key rotate`).
# $key: the new secret key's id (8 hex); $count: values re-sealed; $kid: the signing key's id.
event-secret-key-rotated = Geheimer Schlüssel gewechselt
event-signing-key-rotated = Signaturschlüssel gewechselt
audit-say-secret-key-rotated = { $count ->
    [one] 1 gespeicherter Wert mit dem geheimen Schlüssel { $key } neu versiegelt.
   *[other] { $count } gespeicherte Werte mit dem geheimen Schlüssel { $key } neu versiegelt.
}
audit-say-signing-key = Der Signaturschlüssel { $kid }.
