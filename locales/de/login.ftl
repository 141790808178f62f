# Anmelden: die Anmeldeseite, der zweite Schritt (Code, Passkey, Wiederherstellungscode,
# temporärer Zugangscode, „Telefon verloren?“), die Anmeldung mit Telefonnummer, die
# Anmeldung und Abmeldung einer Anwendung (oauth-) und „Das war ich nicht“ (secure-).

## Die Anmeldeseite
login-title = Anmelden
login-email = E-Mail
login-password = Passwort
login-submit = Anmelden
login-forgot-password = Passwort vergessen?
login-with-passkey = Mit Passkey anmelden
login-with-phone = Mit Telefonnummer anmelden
login-no-account = Noch kein Konto?
login-create-account = Konto erstellen
login-enter-email = Geben Sie Ihre E-Mail-Adresse ein.
login-enter-password = Geben Sie Ihr Passwort ein.
# Dieselbe Meldung für jede fehlgeschlagene Anmeldung, ob es das Konto gibt oder nicht.
login-wrong-credentials = E-Mail-Adresse oder Passwort ist falsch.
login-throttled = Zu viele fehlgeschlagene Anmeldeversuche. Warten Sie 15 Minuten und versuchen Sie es erneut.
login-signed-out-by-administrator = Ein Administrator hat Sie abgemeldet. Melden Sie sich erneut an, um fortzufahren.
login-disabled = Dieses Konto ist deaktiviert. Wenden Sie sich an Ihren Administrator, wenn Sie das für einen Fehler halten.
login-unconfirmed = Ihre E-Mail-Adresse ist noch nicht bestätigt. Wir haben Ihnen einen Link per E-Mail gesendet: Öffnen Sie ihn, um Ihr Konto nutzen zu können.

## Die Code-Seite: ein Bestätigungscode per SMS oder aus der Authenticator-App
login-code-title = Bestätigungscode eingeben
login-code-label = Bestätigungscode
login-sms-hint = Der 6-stellige Code aus der SMS. Er gilt 10 Minuten.
login-app-hint = Der 6-stellige Code, den Ihre Authenticator-App gerade anzeigt.
login-trust-device = Diesem Gerät vertrauen
login-trust-hint = In diesem Browser nicht mehr nach einem Code fragen. Ihr Passwort wird weiterhin benötigt. Setzen Sie das Häkchen nur auf einem Gerät, das Ihnen gehört.
login-verify = Bestätigen
login-cancel-sign-out = Abbrechen und abmelden
# { $phone } ist die maskierte Nummer: „+46 ••• •• 67“.
login-sms-sent = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet.
login-sms-cannot-send = Wir können gerade keinen Code per SMS an { $phone } senden.
login-sms-can-send = Wir können einen 6-stelligen Code per SMS an { $phone } senden. Wählen Sie „Code senden“ und geben Sie dann den Code ein.
login-sms-none-waiting = Für { $phone } liegt kein Code vor. Wählen Sie „Erneut senden“, um einen neuen zu erhalten.
login-app-intro = Öffnen Sie Ihre Authenticator-App und geben Sie den Code ein, den sie für dieses Konto anzeigt.
login-send-code = Code senden
login-send-again = Erneut senden
# { $time } ist eine Uhrzeit („19:14:05 UTC“); { $seconds } ist die Zahl der Sekunden, die
# auf der Seite herunterzählt; { $count } ist dieselbe Zahl, für die Pluralform.
login-resend-wait = { $count ->
    [one] Sie können um { $time } einen neuen Code anfordern (in { $seconds } Sekunde).
   *[other] Sie können um { $time } einen neuen Code anfordern (in { $seconds } Sekunden).
}
login-resend-ready = Sie können jetzt einen neuen Code anfordern.
login-resend-missing = Keinen Code erhalten?
login-code-wrong = { $count ->
    [one] Dieser Code ist nicht richtig. Sie haben noch { $count } Versuch.
   *[other] Dieser Code ist nicht richtig. Sie haben noch { $count } Versuche.
}
login-code-locked = Zu viele falsche Codes: Dieser Code kann nicht mehr verwendet werden. Fordern Sie mit „Erneut senden“ einen neuen Code an.
login-code-expired = Dieser Code ist abgelaufen. Fordern Sie mit „Erneut senden“ einen neuen Code an.
login-code-none = Es liegt kein Code vor, der verwendet werden kann. Fordern Sie mit „Erneut senden“ einen neuen Code an.
login-app-code-replayed = Dieser Code wurde bereits verwendet. Warten Sie, bis Ihre App einen neuen Code anzeigt.
login-app-code-wrong = Dieser Code ist nicht richtig. Geben Sie den Code ein, den Ihre App gerade anzeigt.
login-too-many-codes = Zu viele falsche Codes. Warten Sie 15 Minuten und versuchen Sie es erneut.
# Warum gerade kein Code gesendet werden kann. { $time } ist eine Uhrzeit („19:14:05 UTC“);
# { $count } sind die Sekunden bis dahin.
login-limit-cooldown = { $count ->
    [one] Gerade wurde ein Code gesendet. Sie können in { $count } Sekunde einen neuen anfordern.
   *[other] Gerade wurde ein Code gesendet. Sie können in { $count } Sekunden einen neuen anfordern.
}
login-limit-codes-or-other-way = Sie haben zu viele Codes angefordert. Sie können um { $time } einen neuen anfordern oder sich unten auf andere Weise anmelden.
login-limit-codes = Sie haben zu viele Codes angefordert. Sie können um { $time } einen neuen anfordern.
login-limit-phone = An diese Telefonnummer wurden heute zu viele Codes gesendet. Sie können um { $time } einen neuen anfordern.
login-limit-network = Aus Ihrem Netzwerk wurden zu viele Codes angefordert. Sie können um { $time } einen neuen anfordern.
login-limit-budget = Der Versand von SMS an neue Nummern ist für heute ausgesetzt: Das Portal hat bereits so viele SMS gesendet, wie es an einem Tag sendet. Sie können nach Mitternacht (UTC) wieder einen Code anfordern; Codes an bereits bestätigte Nummern werden weiterhin gesendet.
login-limit-new-number = An diese Telefonnummer wurden heute zu viele Codes gesendet. Sie können nach Mitternacht (UTC) einen neuen anfordern.
login-limit-new-address = Von Ihrer Adresse aus wurden heute zu viele Codes an neue Nummern angefordert. Sie können nach Mitternacht (UTC) einen neuen anfordern.
login-limit-new-network = Aus Ihrem Netzwerk wurden heute zu viele Codes an neue Nummern angefordert. Sie können nach Mitternacht (UTC) einen neuen anfordern.
login-limit-new-country = An Nummern in diesem Land wurden heute zu viele Codes gesendet. Sie können nach Mitternacht (UTC) einen neuen anfordern oder eine Nummer aus einem anderen Land verwenden.
login-send-rejected = Die SMS konnte nicht an diese Nummer zugestellt werden. Prüfen Sie die Nummer oder wählen Sie in Kürze „Erneut senden“.
login-send-unavailable = Wir konnten die SMS gerade nicht senden. Wählen Sie in Kürze „Erneut senden“.
login-send-failed = Beim Senden des Codes ist etwas schiefgegangen. Versuchen Sie es in Kürze erneut.
login-code-missing = Geben Sie den Bestätigungscode ein.
login-code-malformed = Geben Sie den 6-stelligen Code aus der SMS ein.
login-passkey-owed = Ihr Administrator möchte, dass Sie sich mit einem Passkey anmelden. Wählen Sie auf der Anmeldeseite „Mit Passkey anmelden“, oder melden Sie sich mit E-Mail-Adresse und Passwort und danach mit Ihrem Passkey an.
login-passkeys-only = Ihr Administrator verlangt für Ihr Konto einen Passkey: Codes per SMS oder aus einer App werden nicht angenommen. Verwenden Sie Ihren Passkey oder einen Wiederherstellungscode.
login-passkeys-only-unavailable = Ihr Administrator verlangt für Ihr Konto einen Passkey, und Passkeys können hier gerade nicht verwendet werden. Verwenden Sie einen Wiederherstellungscode.

## Die anderen Wege, die Anmeldung abzuschließen, unter dem Formular
login-use-sms = SMS verwenden
login-use-app = Authenticator-App verwenden
login-use-passkey = Passkey verwenden
login-use-recovery-code = Wiederherstellungscode verwenden
login-use-temporary-code = Temporären Zugangscode verwenden
login-lost-phone = Telefon verloren?
login-use-code-instead = Stattdessen einen Bestätigungscode verwenden

## Ein Wiederherstellungscode
login-recovery-intro = Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einschalten der Bestätigung in zwei Schritten gespeichert haben. Jeder Code kann nur einmal verwendet werden.
login-recovery-label = Wiederherstellungscode
login-recovery-example = Zum Beispiel 7KQM-2XHD-9RTF.
login-recovery-enter = Geben Sie einen Ihrer Wiederherstellungscodes ein.
login-recovery-wrong = Dieser Wiederherstellungscode ist nicht richtig oder wurde bereits verwendet.

## Ein temporärer Zugangscode
login-temporary-intro = Wenn Sie Ihr Telefon verloren haben, kann Ihr Administrator Ihnen persönlich oder telefonisch einen temporären Zugangscode geben. Zusammen mit Ihrem Passwort können Sie sich damit einmal ohne Bestätigungscode anmelden. Richten Sie danach ein neues Telefon oder eine neue App ein.
login-temporary-label = Temporärer Zugangscode
login-temporary-example = 16 Buchstaben und Ziffern, zum Beispiel 7KQM-2XHD-9RTF-B4NW.
login-temporary-enter = Geben Sie den temporären Zugangscode ein, den Ihr Administrator Ihnen gegeben hat.
login-temporary-wrong = Dieser Code ist nicht richtig oder nicht mehr gültig. Klären Sie das mit Ihrem Administrator; nach 5 falschen Versuchen muss ein neuer Code ausgestellt werden.

## „Telefon verloren?“
login-lost-still = Sie können sich trotzdem anmelden, ohne etwas auszuschalten:
login-lost-recovery-name = Ein Wiederherstellungscode.
login-lost-recovery-text = Beim Einschalten der Bestätigung in zwei Schritten haben Sie zehn Wiederherstellungscodes gespeichert. Jeder kann einmal anstelle eines Bestätigungscodes verwendet werden.
login-lost-temporary-name = Ein temporärer Zugangscode.
login-lost-temporary-text = Ihr Administrator kann Ihnen persönlich oder telefonisch einen geben, nachdem er sich vergewissert hat, dass Sie es sind. Er gilt einige Stunden und kann zusammen mit Ihrem Passwort einmal verwendet werden.
login-lost-then = Richten Sie nach der Anmeldung unter „Meine Sicherheitseinstellungen“ Ihr neues Telefon oder eine Authenticator-App ein.
login-lost-ask-heading = Einen temporären Zugangscode anfordern
login-lost-ask-text = Wir teilen Ihren Administratoren per E-Mail mit, dass Sie keinen Code erhalten können. Ihr Passwort geben wir an niemanden weiter.
login-lost-ask-button = Meine Administratoren um Hilfe bitten
login-lost-asked-title = Ihre Administratoren wurden benachrichtigt
login-lost-asked-text = Wir haben Ihren Administratoren per E-Mail mitgeteilt, dass Sie keinen Bestätigungscode erhalten können. Einer von ihnen meldet sich bei Ihnen, um sich zu vergewissern, dass Sie es sind, und kann Ihnen dann einen temporären Zugangscode geben.
# { $link } ist der Link „Temporären Zugangscode verwenden“ (login-use-temporary-code).
login-lost-asked-then = Sobald Sie ihn haben, wählen Sie { $link } oder melden Sie sich erneut an: Sie finden den Link unter dem Feld für den Bestätigungscode.
login-back-to-code = Zurück zum Bestätigungscode

## Passkeys
login-back = Zurück
login-passkey-sign-in-intro = Kein Passwort nötig: Wählen Sie „Mit Passkey anmelden“, dann Ihr Konto, und entsperren Sie den Passkey mit Fingerabdruck, Gesichtserkennung, Bildschirmsperre oder der PIN Ihres Sicherheitsschlüssels.
login-with-email = Mit E-Mail-Adresse und Passwort anmelden
login-passkey-unavailable = Passkeys können hier nicht verwendet werden: Dieses Portal wird über eine IP-Adresse aufgerufen, und Browser verwenden Passkeys nur für Websites, die über ihren Namen aufgerufen werden. Melden Sie sich mit E-Mail-Adresse und Passwort an.
login-passkey-step-title = Passkey verwenden
login-passkey-step-intro = Wählen Sie „Passkey verwenden“ und folgen Sie dann den Anweisungen Ihres Browsers: Er fragt möglicherweise nach Ihrem Telefon, Ihrem Fingerabdruck oder Gesicht, Ihrer Bildschirmsperre oder Ihrem Sicherheitsschlüssel.
login-passkey-trust-hint = In diesem Browser nicht mehr nach einem Passkey oder einem Code fragen. Ihr Passwort wird weiterhin benötigt. Setzen Sie das Häkchen nur auf einem Gerät, das Ihnen gehört.
login-passkey-copied = Dieser Passkey wurde abgelehnt: Er wurde möglicherweise kopiert. Melden Sie sich auf andere Weise an und informieren Sie Ihren Administrator.
login-passkey-not-accepted = Ihr Passkey wurde nicht angenommen. Wählen Sie die Schaltfläche erneut und verwenden Sie einen Passkey dieses Kontos, oder wählen Sie einen anderen Weg.
# Said by static/passkey.js on the page, from the form's data attributes.
login-passkey-unsupported = Dieser Browser kann keine Passkeys verwenden. Wählen Sie unten einen anderen Weg oder verwenden Sie einen anderen Browser.
login-passkey-script-not-used = Es wurde kein Passkey verwendet. Versuchen Sie es erneut oder wählen Sie unten einen anderen Weg.

## Anmelden mit Telefonnummer
login-phone-intro = Geben Sie die Mobilnummer Ihres Kontos ein. Wir senden Ihnen per SMS einen Code, mit dem Sie sich anmelden können.
login-phone-email-link = Mit E-Mail-Adresse und Passwort anmelden
login-phone-register = Mit Telefonnummer registrieren
login-phone-sent = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet. Geben Sie ihn ein, um fortzufahren.
# So formuliert, dass es stimmt, ob die Nummer ein Konto hat oder nicht.
login-phone-sent-if = Wenn { $phone } die bestätigte Nummer eines Kontos ist, haben wir einen 6-stelligen Code per SMS an sie gesendet. Geben Sie ihn ein, um sich anzumelden.
login-no-phone-sign-in = Es läuft keine Anmeldung mit Telefonnummer, oder sie hat länger als 10 Minuten gedauert. Beginnen Sie erneut mit „Mit Telefonnummer anmelden“.
login-no-password-step = Es wartet keine Anmeldung auf Ihr Passwort, oder sie hat länger als 10 Minuten gedauert. Beginnen Sie erneut mit „Mit Telefonnummer anmelden“.
login-password-title = Passwort eingeben
login-phone-password-intro = Ihr Konto verwendet die Bestätigung in zwei Schritten, daher reicht der Code von Ihrem Telefon allein nicht aus. Geben Sie zusätzlich Ihr Passwort ein, um die Anmeldung abzuschließen.
login-phone-no-password = Ihr Konto hat noch kein Passwort. Wählen Sie unten „Passwort vergessen?“ und geben Sie Ihre E-Mail-Adresse ein: Wir senden Ihnen per E-Mail einen Link, um eines festzulegen (ist Ihre Adresse noch nicht bestätigt, fragt die Seite außerdem nach einem Code, den wir per SMS an dieses Telefon senden).
login-password-wrong = Das Passwort ist falsch.
login-app-code-title = Code der Authenticator-App eingeben
login-phone-app-intro = Ihr Konto verwendet die Bestätigung in zwei Schritten, daher reicht der Code von Ihrem Telefon allein nicht aus. Geben Sie den Code ein, den Ihre Authenticator-App anzeigt, um die Anmeldung abzuschließen.
login-use-password-instead = Stattdessen Ihr Passwort verwenden

## Die Erinnerung, die Bestätigung in zwei Schritten einzuschalten (Startseite und ihre Vorschau in der Verwaltung)
login-reminder = { $app } unterstützt jetzt die Bestätigung in zwei Schritten. Das bietet mehr Sicherheit: Zusätzlich zu Ihrem Passwort melden Sie sich mit einem Code an, den wir per SMS an Ihr Telefon senden.

## Anmeldung und Abmeldung einer Anwendung
oauth-unreadable = Die Anfrage konnte nicht gelesen werden.
oauth-repeated = Die Anmeldeanfrage der Anwendung enthält einen Parameter mehrfach. Gehen Sie zurück zur Anwendung und versuchen Sie es erneut; wenn das wieder passiert, informieren Sie den Administrator der Anwendung.
oauth-unknown-application = Die Anwendung, die Sie hierher geschickt hat, ist bei diesem Portal nicht registriert, daher können Sie sich von hier aus nicht bei ihr anmelden. Informieren Sie den Administrator der Anwendung.
oauth-unregistered-redirect = Die Anwendung möchte Sie an eine Adresse zurückschicken, die für sie nicht registriert ist, daher endet die Anmeldung hier. Informieren Sie den Administrator der Anwendung.
oauth-no-longer-waiting-why = Diese Anmeldung bei einer Anwendung wartet nicht mehr (sie wurde abgeschlossen oder zu lange nicht fortgesetzt). Gehen Sie zurück zur Anwendung und melden Sie sich erneut an.
oauth-no-longer-waiting = Diese Anmeldung bei einer Anwendung wartet nicht mehr. Gehen Sie zurück zur Anwendung und melden Sie sich erneut an.
oauth-application-gone = Die Anwendung, bei der Sie sich anmelden wollten, ist bei diesem Portal nicht mehr registriert.
oauth-step-up-title = { $application } verlangt die Bestätigung in zwei Schritten
oauth-step-up-sms = Sie sind bei { $app } mit Ihrem Passwort angemeldet. { $application } verlangt zusätzlich den zweiten Schritt: Wir senden Ihnen einen Code per SMS an Ihr Telefon.
oauth-step-up-app = Sie sind bei { $app } mit Ihrem Passwort angemeldet. { $application } verlangt zusätzlich den zweiten Schritt: Sie geben einen Code aus Ihrer Authenticator-App ein.
oauth-continue = Weiter
oauth-logout-title = Von { $app } abmelden?
oauth-logout-application-asks = { $application } möchte Sie auch von { $app } abmelden.
oauth-logout-an-application-asks = Eine Anwendung möchte Sie von { $app } abmelden.
oauth-logout-explain = Wenn Sie sich hier abmelden, endet Ihre Sitzung in diesem Browser: Die anderen Anwendungen, bei denen Sie sich über { $app } angemeldet haben, fordern Sie auf, sich erneut anzumelden.
oauth-logout-button = Von { $app } abmelden
oauth-stay-signed-in = Angemeldet bleiben
oauth-logout-repeated = Die Abmeldeanfrage der Anwendung enthält einen Parameter mehrfach.
oauth-logout-bad-hint = Die Abmeldeanfrage der Anwendung nennt eine andere Anwendung als ihr ID-Token. Gehen Sie zurück zur Anwendung; wenn das wieder passiert, informieren Sie den Administrator der Anwendung.
oauth-logout-not-registered = Die Anwendung möchte Sie nach der Abmeldung an eine Adresse schicken, die für sie nicht registriert ist, daher bleiben Sie hier. Informieren Sie den Administrator der Anwendung.

## „Das war ich nicht“, aus einer E-Mail über ein neues Gerät
secure-title = Konto schützen
secure-not-you = Sie haben uns mitgeteilt, dass eine Anmeldung bei { $email } nicht von Ihnen war. Jemand kennt möglicherweise Ihr Passwort.
secure-what = Wenn Sie Ihr Konto schützen, wird:
secure-signs-out = jede Sitzung auf jedem Gerät beendet, auch diese;
secure-removes-devices = jedes vertrauenswürdige Gerät entfernt, sodass jede Anmeldung nach einem Code fragt;
secure-stops-password = Ihr Passwort ungültig, und Sie erhalten per E-Mail einen Link, um ein neues zu wählen.
secure-button = Mein Konto schützen
secure-done-title = Ihr Konto ist geschützt
secure-done-text = Alle Sitzungen Ihres Kontos wurden beendet, seine vertrauenswürdigen Geräte wurden entfernt, und sein altes Passwort funktioniert nicht mehr.
secure-done-email = Wir haben Ihnen per E-Mail einen Link gesendet, mit dem Sie ein neues Passwort wählen können. Er kann einmal verwendet werden und gilt 24 Stunden. Ihre Bestätigung in zwei Schritten bleibt eingeschaltet.
secure-tell-administrator = Teilen Sie Ihrem Administrator mit, was passiert ist.
secure-link-dead = Dieser Link ist abgelaufen oder wurde bereits verwendet. Wenn Sie eine Anmeldung beunruhigt, die Sie nicht selbst vorgenommen haben, wählen Sie auf der Anmeldeseite „Passwort vergessen?“ und informieren Sie Ihren Administrator.
