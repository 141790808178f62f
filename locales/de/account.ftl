# Die eigenen Seiten der angemeldeten Person: Meine Sicherheitseinstellungen, das Profil,
# das Passwort, die Anmeldemethoden und ihre Einrichtung (templates/account, web/account).

## Wörter, die mehrere Seiten teilen.
account-back = Zurück
account-continue = Weiter
account-save = Speichern
account-done = Fertig
account-verify = Bestätigen
account-remove = Entfernen
# Der zugängliche Name einer Schaltfläche: "Arbeitslaptop entfernen".
account-remove-named = { $name } entfernen
account-change = Ändern
account-password = Passwort
account-phone-number = Telefonnummer
account-verification-code = Bestätigungscode
account-send-code = Code senden
account-send-again = Erneut senden
account-too-many-passwords = Zu viele falsche Passwörter. Warten Sie 15 Minuten und versuchen Sie es erneut.
account-same-phone = Das ist bereits Ihre Telefonnummer. Geben Sie die neue Nummer ein.

## Die Anmeldemethoden, wie die Seiten sie nennen.
account-method-sms = SMS
account-method-app = Authenticator-App
account-method-passkey = Passkey

## Ein Browser, benannt nach seinem User-Agent: "Firefox 133 unter Linux".
account-unknown-browser = Unbekannter Browser
account-browser-on-system = { $browser } unter { $system }

## "Angemeldet bleiben für" (die anderen Auswahlen sind die Stunden und Tage aus main.ftl).
account-until-browser-closes = Bis ich den Browser schließe

## Meine Sicherheitseinstellungen (/account/security).
account-security-title = Meine Sicherheitseinstellungen
account-no-password-yet = Ihr Konto hat noch kein Passwort: Sie melden sich mit Ihrer Telefonnummer und einem Code an. Die Bestätigung in zwei Schritten und die Anmeldung mit Ihrer E-Mail-Adresse brauchen zusätzlich ein Passwort.
account-set-a-password = Passwort festlegen
account-two-step = Bestätigung in zwei Schritten
account-on = An
account-off = Aus
account-only-password = Zur Anmeldung genügt Ihr Passwort.
account-turn-off = Ausschalten
# Von Screenreadern nach "Ausschalten" gelesen: "Ausschalten der Bestätigung in zwei Schritten".
account-turn-off-hidden = der Bestätigung in zwei Schritten
account-method = Methode
# Von Screenreadern nach "Ändern" gelesen: "Ändern der Methode".
account-change-method-hidden = der Methode
# Von Screenreadern nach "Ändern" gelesen: "Ändern der Telefonnummer".
account-change-phone-hidden = der Telefonnummer
account-recovery-codes = Wiederherstellungscodes
account-codes-left = { $count ->
    [one] { $count } übrig
   *[other] { $count } übrig
}
account-codes-low = Erstellen Sie neue, damit Sie nicht ausgesperrt werden, falls Sie Ihr Telefon verlieren.
account-codes-each = Mit jedem Code können Sie sich einmal anmelden, wenn Sie Ihr Telefon nicht verwenden können.
account-generate-new = Neu erstellen
# Von Screenreadern nach "Neu erstellen" gelesen: "Neu erstellen der Wiederherstellungscodes".
account-generate-new-hidden = der Wiederherstellungscodes
account-your-methods = Ihre Anmeldemethoden
account-in-use = In Verwendung
# Neben "Passkey" in der Liste der Anmeldemethoden.
account-passkeys-under = { $count ->
    [one] { $count } Passkey, unter Passkeys
   *[other] { $count } Passkeys, unter Passkeys
}
account-two-step-required = Die Bestätigung in zwei Schritten ist für Ihr Konto vorgeschrieben und kann daher nicht ausgeschaltet werden.
account-two-step-offer = Schützen Sie Ihr Konto bei jeder Anmeldung mit einem Code von Ihrem Telefon.
account-required-by = Sie ist für Ihr Konto vorgeschrieben: Richten Sie sie bis { $date } ein.
account-required = Sie ist für Ihr Konto vorgeschrieben.
account-turn-on = Bestätigung in zwei Schritten einschalten
account-two-step-unavailable = Die Bestätigung in zwei Schritten ist auf dieser Plattform nicht verfügbar.
account-passkeys = Passkeys
account-passkeys-intro = Mit einem Passkey melden Sie sich über Ihr Telefon, die Bildschirmsperre Ihres Computers, einen Passwort-Manager oder einen Sicherheitsschlüssel an. Er funktioniert nur auf dieser Website, daher kann eine gefälschte Seite ihn Ihnen nicht entlocken.
account-no-passkeys = Sie haben keine Passkeys.
account-added = Hinzugefügt
account-last-used = Zuletzt verwendet
account-synced = (synchronisiert)
account-not-yet = Noch nicht
account-last-passkey-held = Ihr letzter Passkey kann nicht entfernt werden: Ihr Administrator verlangt einen Passkey für Ihr Konto.
account-last-passkey-required = Ihr letzter Passkey kann nicht entfernt werden, solange die Bestätigung in zwei Schritten für Ihr Konto vorgeschrieben ist.
account-add-passkey = Passkey hinzufügen
account-offer-title = Überall sonst abmelden?
account-offer-text = Sie haben geändert, wie Sie sich anmelden. Wenn Sie auf einem Gerät angemeldet sind, das Sie nicht mehr verwenden oder dem Sie nicht vertrauen, melden Sie alle anderen Sitzungen ab.
account-sign-out-others = Alle anderen Sitzungen abmelden
account-stay-signed-in = Angemeldet bleiben
account-stay-signed-in-for = Angemeldet bleiben für
account-trusted-devices = Vertrauenswürdige Geräte
account-no-trusted-devices = Keine vertrauenswürdigen Geräte. Setzen Sie beim Eingeben eines Codes das Häkchen bei „Diesem Gerät vertrauen“, um in diesem Browser keine Codes mehr eingeben zu müssen.
account-device = Gerät
account-ip-address = IP-Adresse
account-trusted-since = Vertrauenswürdig seit
account-expires = Gültig bis
account-this-device = (dieses Gerät)
account-until-removed = Bis es entfernt wird
account-remove-all = Alle entfernen
account-active-sessions = Aktive Sitzungen
account-signed-in = Angemeldet
account-last-active = Zuletzt aktiv
account-this-session = (diese Sitzung)
account-end-session = Sitzung beenden
# Der zugängliche Name von "Sitzung beenden": das Gerät und wann es sich angemeldet hat.
account-end-session-named = Sitzung { $device } beenden
account-end-session-signed-in = Sitzung { $device } beenden, angemeldet am { $date }
account-change-password = Passwort ändern
account-duration-by-administrator = Wie lange Sie angemeldet bleiben, legt Ihr Administrator fest.
account-choose-duration = Wählen Sie eine der angebotenen Zeitspannen.

## Die Methode wählen (/account/security/two-step).
account-change-method = Methode ändern
account-choose-method = Wählen Sie, wie Sie Ihre Codes erhalten möchten
account-passkey-required = Ihr Administrator verlangt einen Passkey für Ihr Konto: Er kann nicht durch Phishing abgegriffen werden, weil er nur auf dieser Website funktioniert.
account-add-one-now-or-later = Fügen Sie jetzt einen hinzu oder später innerhalb der verbleibenden Zeit.
account-add-one-to-continue = Fügen Sie einen hinzu, um fortzufahren.
account-two-step-required-set-up = Die Bestätigung in zwei Schritten ist für Ihr Konto vorgeschrieben.
account-set-up-now-or-later = Richten Sie sie jetzt ein oder später innerhalb der verbleibenden Zeit.
account-set-up-to-continue = Richten Sie sie ein, um fortzufahren.
account-how-verify = Wie möchten Sie bestätigen, dass Sie es sind?
account-how-get-codes = Wie möchten Sie Ihre Anmeldecodes erhalten?
account-passkey-only-hint = Ihr Telefon, die Bildschirmsperre Ihres Computers, ein Passwort-Manager oder ein Sicherheitsschlüssel bestätigt, dass Sie es sind.
account-sms-to = SMS an { $phone }
account-sms-saved-hint = Die Nummer, die Sie zuvor bestätigt haben.
account-sms-to-another = SMS an eine andere Nummer
account-sms-in-use-hint = Wird gerade verwendet. Ein Code an die neue Nummer bestätigt sie.
account-sms-hint = Bei jeder Anmeldung senden wir Ihnen einen 6-stelligen Code per SMS an Ihr Mobiltelefon.
account-new-app = Eine neue Authenticator-App
account-app-in-use-hint = Wird gerade verwendet. Ein neu eingerichtetes Telefon oder eine neue App ersetzt die bisherige.
account-app-hint = Eine App auf Ihrem Telefon zeigt alle 30 Sekunden einen neuen Code an, auch offline.
account-another-passkey = Ein weiterer Passkey
account-passkey-in-use-hint = Wird gerade verwendet. Fügen Sie einen auf einem anderen Gerät oder einem Sicherheitsschlüssel hinzu.
account-passkey-hint = Ihr Telefon, die Bildschirmsperre Ihres Computers, ein Passwort-Manager oder ein Sicherheitsschlüssel: kein Code zum Eintippen, und eine gefälschte Seite kann ihn Ihnen nicht entlocken.
account-set-up-later = { $count ->
    [one] Später einrichten (noch { $count } Tag)
   *[other] Später einrichten (noch { $count } Tage)
}
account-set-up-over = Die Zeit zum Einrichten der Bestätigung in zwei Schritten ist abgelaufen. Richten Sie sie ein, um fortzufahren.
account-choose-how = Wählen Sie, wie Sie Ihre Codes erhalten möchten.
account-not-offered = Die Bestätigung in zwei Schritten ist für Ihr Konto nicht verfügbar. Wenden Sie sich an Ihren Administrator, wenn Sie sie brauchen.

## SMS: die Nummer und ihr Code (/account/security/sms).
account-change-phone = Telefonnummer ändern
account-change-phone-intro = Geben Sie Ihre neue Mobilnummer ein. Sie ersetzt die alte, sobald Sie den Code eingeben, den wir an sie senden.
account-sms-phone-intro = Geben Sie die Mobilnummer ein, an die Ihre Codes gehen sollen. Zur Prüfung senden wir einen Code an diese Nummer.
# Gefolgt von den Beispielen aus main.ftl: "Eine Mobilnummer, zum Beispiel …".
account-mobile-number = Eine Mobilnummer,
account-profile-phone-cannot = Die Telefonnummer in Ihrem Profil kann keine Codes empfangen. { $problem }
account-enter-mobile = Geben Sie Ihre Mobilnummer ein.
account-sms-code-sent = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet. Geben Sie ihn ein, um die Nummer zu bestätigen.
account-cannot-text-now = Wir können gerade keinen Code per SMS an { $phone } senden.
account-no-code-for = Für { $phone } liegt kein Code vor. Wählen Sie „Erneut senden“, um einen neuen zu erhalten.
account-use-sms-title = Codes per SMS erhalten?
account-use-sms-consequence = Anmeldecodes werden per SMS an { $phone } gesendet, die Nummer, die Sie zuvor bestätigt haben.
account-app-stays = Ihre Authenticator-App bleibt eingerichtet: Sie können sie bei der Anmeldung stattdessen verwenden oder zurückwechseln.
account-use-sms-button = SMS verwenden

## Eine Methode entfernen, die Bestätigung in zwei Schritten ausschalten.
account-remove-app-title = Ihre Authenticator-App entfernen?
account-app-no-longer = Ihre Authenticator-App wird nicht mehr nach einem Code gefragt, und ihr Schlüssel wird gelöscht.
account-remove-sms-title = SMS entfernen?
account-no-more-texts-to = Wir senden keine Anmeldecodes mehr per SMS an { $phone }.
account-no-more-texts = Wir senden keine Anmeldecodes mehr per SMS.
account-remove-last-passkey-title = Ihren letzten Passkey entfernen?
account-passkey-no-longer = Ihr Passkey wird bei der Anmeldung nicht mehr abgefragt.
account-texted-instead-to = Anmeldecodes werden stattdessen per SMS an { $phone } gesendet.
account-texted-instead = Anmeldecodes werden Ihnen stattdessen per SMS gesendet.
account-app-instead = Ihre Authenticator-App liefert stattdessen Ihre Anmeldecodes.
account-passkeys-instead = Stattdessen werden Ihre Passkeys abgefragt.
account-two-step-turns-off = Die Bestätigung in zwei Schritten wird ausgeschaltet: Zur Anmeldung genügt dann Ihr Passwort.
account-codes-will-stop = { $count ->
    [one] Ihr verbleibender Wiederherstellungscode funktioniert nicht mehr.
   *[other] Ihre { $count } Wiederherstellungscodes funktionieren nicht mehr.
}
account-method-in-use-required = Die Bestätigung in zwei Schritten ist für Ihr Konto vorgeschrieben, daher kann die verwendete Methode nicht entfernt werden. Ändern Sie zuerst die Methode.
account-only-password-after = Zur Anmeldung genügt dann Ihr Passwort.
account-passkeys-removed = Ihre Passkeys werden entfernt: Sie können sich damit nicht mehr anmelden.
account-devices-forgotten = Ihre vertrauenswürdigen Geräte werden entfernt.
account-turn-off-title = Bestätigung in zwei Schritten ausschalten?
account-turn-off-button = Bestätigung in zwei Schritten ausschalten

## Die Authenticator-App (/account/security/app).
account-app-title = Authenticator-App einrichten
account-app-open = Öffnen Sie eine Authenticator-App auf Ihrem Telefon, zum Beispiel Google Authenticator, Microsoft Authenticator oder 1Password.
account-app-scan = Scannen Sie damit diesen QR-Code.
account-app-qr = QR-Code für Ihre Authenticator-App
account-app-cannot-scan = Scannen klappt nicht? Geben Sie stattdessen diesen Einrichtungsschlüssel in der App ein:
account-app-show-link = Einrichtungslink anzeigen
account-app-enter-code = Geben Sie den 6-stelligen Code ein, den die App anzeigt.
account-too-many-codes = Zu viele falsche Codes. Warten Sie 15 Minuten und versuchen Sie es erneut.
account-app-code-wrong = Dieser Code ist nicht richtig. Geben Sie den Code ein, den Ihre App jetzt anzeigt, und prüfen Sie, ob die Uhrzeit Ihres Telefons automatisch eingestellt ist.

## Wiederherstellungscodes.
account-codes-title = Speichern Sie Ihre Wiederherstellungscodes
account-codes-intro = Wenn Sie Ihr Telefon verlieren, können Sie sich mit jedem dieser Codes einmal anmelden. Bewahren Sie sie sicher auf, zum Beispiel in einem Passwort-Manager oder ausgedruckt.
account-codes-shown-once = Sie werden nur jetzt angezeigt. Frühere Codes funktionieren nicht mehr.
account-codes-download = Herunterladen (.txt)
account-codes-copy = Kopieren
account-codes-copied = Kopiert
account-codes-saved = Ich habe meine Wiederherstellungscodes gespeichert
account-codes-tick = Speichern Sie Ihre Wiederherstellungscodes und setzen Sie dann das Häkchen bei „Ich habe meine Wiederherstellungscodes gespeichert“.
account-no-codes-left = Sie haben keine Wiederherstellungscodes mehr.
account-codes-stop-once-saved = { $count ->
    [one] Ihr verbleibender Wiederherstellungscode funktioniert nicht mehr, sobald Sie die neuen speichern.
   *[other] Ihre { $count } Wiederherstellungscodes funktionieren nicht mehr, sobald Sie die neuen speichern.
}
account-regenerate-title = Neue Wiederherstellungscodes erstellen?
account-regenerate-ten = Sie erhalten 10 neue Codes zum Ausdrucken oder Herunterladen. Mit jedem können Sie sich einmal anmelden.
account-regenerate-button = Neue Wiederherstellungscodes erstellen
# Die heruntergeladene Datei (recovery-codes.txt): ihre erste Zeile, dann zwei Zeilen Rat.
account-codes-file-title = { $app }: Wiederherstellungscodes für { $email }
account-codes-file-advice = Mit jedem Code können Sie sich einmal anmelden, wenn Sie Ihr Telefon oder Ihre App nicht verwenden können.
account-codes-file-keep = Bewahren Sie sie sicher auf.

## Passkeys (/account/security/passkeys).
account-passkey-new-intro = Mit einem Passkey melden Sie sich statt mit einem Code über Ihr Telefon, die Bildschirmsperre Ihres Computers, einen Passwort-Manager oder einen Sicherheitsschlüssel an. Er funktioniert nur auf dieser Website, daher kann eine gefälschte Seite ihn Ihnen nicht entlocken.
account-passkey-name = Name
account-passkey-name-hint = Damit Sie Ihre Passkeys auseinanderhalten können, zum Beispiel „Arbeitslaptop“ oder „Blauer Sicherheitsschlüssel“.
account-create-passkey = Passkey erstellen
account-passkeys-need-script = Passkeys brauchen JavaScript: Schalten Sie es für diese Website ein oder wählen Sie einen anderen Weg.
account-passkey-name-empty = Geben Sie einen Namen für diesen Passkey ein, zum Beispiel „Arbeitslaptop“ oder „Blauer Sicherheitsschlüssel“.
account-passkey-name-long = Geben Sie einen Namen mit höchstens 60 Zeichen ein.
account-passkey-name-lines = Geben Sie den Namen in einer Zeile ein, ohne Sonderzeichen.
account-passkeys-unavailable = Passkeys können hier nicht verwendet werden: Dieses Portal wird über eine IP-Adresse aufgerufen, und Browser erstellen Passkeys nur für den Namen einer Website. Wenden Sie sich an Ihren Administrator.
account-too-many-passkeys = { $count ->
    [one] Sie haben { $count } Passkey, das ist die Höchstzahl. Entfernen Sie ihn, um einen anderen hinzuzufügen.
   *[other] Sie haben { $count } Passkeys, das ist die Höchstzahl. Entfernen Sie einen, den Sie nicht mehr verwenden, um einen weiteren hinzuzufügen.
}
account-passkey-not-created = Es wurde kein Passkey erstellt. Wählen Sie „Passkey erstellen“ und folgen Sie den Schritten Ihres Browsers; Passkeys brauchen JavaScript.
account-passkey-already-registered = Dieser Passkey ist bereits registriert. Verwenden Sie ein anderes Gerät oder einen anderen Sicherheitsschlüssel.
# Said by static/passkey.js on the page, from the form's data attributes.
account-passkey-unsupported = Dieser Browser kann keine Passkeys verwenden. Wählen Sie unten einen anderen Weg oder verwenden Sie einen anderen Browser.
account-passkey-script-not-created = Es wurde kein Passkey erstellt. Versuchen Sie es erneut oder wählen Sie unten einen anderen Weg.
account-passkey-script-registered = Dieser Passkey ist bereits für Ihr Konto registriert.
account-remove-passkey-title = Passkey „{ $name }“ entfernen?
account-remove-passkey-consequence = Mit dem Passkey „{ $name }“ können Sie sich nicht mehr anmelden.
account-last-passkey-consequence = Es ist Ihr letzter Passkey: Stattdessen wird Ihre andere Anmeldemethode abgefragt, falls Sie eine haben; andernfalls wird die Bestätigung in zwei Schritten ausgeschaltet.
account-last-passkey-stays = Ihr Administrator verlangt einen Passkey für Ihr Konto, daher kann Ihr letzter Passkey nicht entfernt werden. Fügen Sie zuerst einen weiteren Passkey hinzu.
account-last-passkey-two-step = Die Bestätigung in zwei Schritten ist für Ihr Konto vorgeschrieben, daher kann Ihr letzter Passkey nicht entfernt werden. Richten Sie zuerst eine andere Methode ein.

## Passwort bestätigen (/account/confirm).
account-confirm-title = Bestätigen Sie Ihr Passwort
account-confirm-intro = Geben Sie zu Ihrer Sicherheit vor dieser Änderung Ihr Passwort erneut ein. Danach wird es 10 Minuten lang nicht mehr abgefragt.
# { $link } ist ein Link mit den Wörtern von account-set-a-password.
account-confirm-no-password = Ihr Konto hat noch kein Passwort. Legen Sie zuerst eines fest, mit einem Code, den wir Ihnen per SMS senden: { $link }.
account-confirm = Bestätigen
account-enter-password = Geben Sie Ihr Passwort ein.
account-password-wrong = Dieses Passwort ist nicht richtig.

## Passwort ändern (/account/password).
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort
account-new-password-hint = Mindestens 8 Zeichen. Ihre anderen Sitzungen werden abgemeldet.
account-enter-current-password = Geben Sie Ihr aktuelles Passwort ein.
account-choose-new-password = Wählen Sie ein neues Passwort.
account-current-password-wrong = Ihr aktuelles Passwort ist falsch.

## Ein erstes Passwort, für ein mit einer Telefonnummer erstelltes Konto (/account/security/password).
account-first-password-title = Wählen Sie Ihr Passwort
account-first-password-intro = Von nun an fragt die Anmeldung mit Ihrer Telefonnummer auch nach diesem Passwort, wenn für Ihr Konto die Bestätigung in zwei Schritten gilt. Ihre anderen Sitzungen werden abgemeldet.
account-first-password-hint = Mindestens 8 Zeichen, schwer zu erraten.
account-set-password = Passwort festlegen
account-choose-password = Wählen Sie ein Passwort.
account-first-password-code-sent = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet. Geben Sie ihn ein und wählen Sie dann Ihr Passwort.
account-first-password-code-intro = Ihr Konto hat noch kein Passwort: Sie melden sich mit Ihrer Telefonnummer und einem Code an. Die Bestätigung in zwei Schritten und die Anmeldung mit Ihrer E-Mail-Adresse brauchen zusätzlich ein Passwort. Um sicherzugehen, dass Sie es sind, senden wir zuerst einen Code per SMS an { $phone }.
account-no-verified-phone = Ihr Konto hat keine bestätigte Telefonnummer, an die wir einen Code senden können. Bitten Sie Ihren Administrator, Ihnen einen Link zum Festlegen des Passworts zu senden.
account-has-password = Ihr Konto hat bereits ein Passwort. Ändern Sie es stattdessen unter „Passwort ändern“.
account-code-first = Geben Sie zuerst den Code ein, den wir Ihnen per SMS senden: Beginnen Sie erneut mit „Passwort festlegen“ unter „Meine Sicherheitseinstellungen“.

## Ihr Profil (/account/profile).
account-profile-title = Ihr Profil
account-name = Name
account-email = E-Mail
account-email-not-confirmed = (noch nicht bestätigt: Öffnen Sie den Link, den wir Ihnen per E-Mail gesendet haben)
account-phone-not-verified = (nicht bestätigt)
account-no-phone = Keine
account-phone-ask-administrator = Bitten Sie Ihren Administrator, Ihre Telefonnummer zu ändern.
# { $link } ist ein Link mit den Wörtern von account-security-title.
account-phone-on-security = Ihre Anmeldecodes gehen an diese Nummer, deshalb ändern Sie sie unter { $link }.
account-language-hint = Seiten, E-Mails und SMS erhalten Sie in dieser Sprache, auf jedem Gerät, auf dem Sie sich anmelden.
account-choose-language = Wählen Sie eine der angebotenen Sprachen.
account-profile-phone-title = Ihre Telefonnummer ändern
account-profile-phone-intro = Geben Sie Ihre neue Mobilnummer ein. Wir senden einen Code per SMS an sie: Die Nummer wird übernommen, sobald Sie den Code eingeben.
account-back-to-profile = Zurück zu Ihrem Profil
account-ask-administrator = Sie können Ihre Telefonnummer hier nicht ändern. Bitten Sie Ihren Administrator, sie zu ändern.
account-codes-go-to-phone = Ihre Anmeldecodes gehen an Ihre Telefonnummer: Ändern Sie sie unter „Meine Sicherheitseinstellungen“.
account-enter-new-phone = Geben Sie Ihre neue Telefonnummer ein.
account-phone-invalid = Das ist keine gültige Telefonnummer. Prüfen Sie die Landesvorwahl und die Ziffern.
account-profile-code-sent = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet. Geben Sie ihn ein, um die neue Nummer zu übernehmen.
account-verify-new-phone = Neue Telefonnummer bestätigen
account-no-code-waiting = Für eine neue Telefonnummer wartet kein Code. Geben Sie zuerst die neue Nummer ein.
