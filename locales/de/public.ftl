# Die öffentlichen Seiten: Registrierung, die Passwort-Links, Einladungen, der erste
# Administrator, die Startseite, der Zutritt zu einem Datenraum und die Fehlerseiten.

## Die Felder eines neuen Kontos.
public-field-name = Name
public-field-email = E-Mail
public-field-password = Passwort
public-password-hint = Mindestens 8 Zeichen. Einige Wörter, die nicht zusammengehören, ergeben ein starkes Passwort.
public-password-hint-short = Mindestens 8 Zeichen, schwer zu erraten.
public-choose-password = Wählen Sie ein Passwort.
public-email-taken = Es gibt bereits ein Konto mit dieser E-Mail-Adresse.
public-email-missing = Geben Sie Ihre E-Mail-Adresse ein.
public-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
public-name-missing = Geben Sie Ihren Namen ein.
public-name-too-long = Ihr Name darf höchstens { $max } Zeichen lang sein.
public-name-unshowable = Ihr Name enthält Zeichen, die nicht angezeigt werden können.

## Die Regeln für ein neues Passwort, und warum zxcvbn es für leicht zu erraten hält.
public-password-too-short = { $count ->
    [one] Verwenden Sie mindestens { $count } Zeichen.
   *[other] Verwenden Sie mindestens { $count } Zeichen.
}
public-password-too-long = { $count ->
    [one] Verwenden Sie höchstens { $count } Zeichen.
   *[other] Verwenden Sie höchstens { $count } Zeichen.
}
# { $reason } ist einer der Sätze unten.
public-password-too-guessable = Dieses Passwort ist zu leicht zu erraten. { $reason }
public-password-weak-default = Fügen Sie weitere Wörter oder Zeichen hinzu, die nicht gebräuchlich sind.
public-password-weak-straight-rows = Gerade Tastenreihen sind leicht zu erraten.
public-password-weak-keyboard-patterns = Kurze Tastaturmuster sind leicht zu erraten.
public-password-weak-repeats = Wiederholungen wie „aaa“ sind leicht zu erraten.
public-password-weak-repeated-groups = Wiederholungen wie „abcabcabc“ sind nur wenig schwerer zu erraten als „abc“.
public-password-weak-top-10 = Dies ist eines der 10 häufigsten Passwörter.
public-password-weak-top-100 = Dies ist eines der 100 häufigsten Passwörter.
public-password-weak-common = Dies ist ein sehr häufiges Passwort.
public-password-weak-similar = Dies ähnelt einem häufig verwendeten Passwort.
public-password-weak-sequences = Folgen wie abc oder 6543 sind leicht zu erraten.
public-password-weak-recent-years = Jahreszahlen der letzten Jahre sind leicht zu erraten.
public-password-weak-single-word = Ein einzelnes Wort ist leicht zu erraten.
public-password-weak-dates = Datumsangaben sind oft leicht zu erraten.
public-password-weak-names = Vor- und Nachnamen allein sind leicht zu erraten.
public-password-weak-common-names = Häufige Vor- und Nachnamen sind leicht zu erraten.
public-password-tip-few-words = Verwenden Sie einige Wörter und meiden Sie gängige Redewendungen.
public-password-tip-no-symbols-needed = Sonderzeichen, Ziffern oder Großbuchstaben sind nicht nötig.
public-password-tip-another-word = Fügen Sie ein oder zwei Wörter hinzu. Seltene Wörter sind besser.
public-password-tip-capitals = Großschreibung hilft nicht viel.
public-password-tip-all-capitals = Nur Großbuchstaben sind fast so leicht zu erraten wie nur Kleinbuchstaben.
public-password-tip-reversed = Rückwärts geschriebene Wörter sind kaum schwerer zu erraten.
public-password-tip-substitutions = Vorhersehbare Ersetzungen wie „@“ statt „a“ helfen nicht viel.
public-password-tip-longer-pattern = Verwenden Sie ein längeres Tastaturmuster mit mehr Richtungswechseln.
public-password-tip-repeats = Vermeiden Sie wiederholte Wörter und Zeichen.
public-password-tip-sequences = Vermeiden Sie Folgen.
public-password-tip-recent-years = Vermeiden Sie Jahreszahlen der letzten Jahre.
public-password-tip-your-years = Vermeiden Sie Jahreszahlen, die mit Ihnen zu tun haben.
public-password-tip-your-dates = Vermeiden Sie Daten und Jahreszahlen, die mit Ihnen zu tun haben.

## Konto erstellen.
public-register-title = Konto erstellen
public-register-button = Konto erstellen
public-register-with-phone = Mit Telefonnummer registrieren
public-have-account = Haben Sie schon ein Konto?
public-sign-in = Anmelden
public-registration-closed = Sie können hier nicht selbst ein Konto erstellen. Bitten Sie Ihren Administrator um eines.
public-too-many-accounts = Aus Ihrem Netzwerk wurden zu viele Konten erstellt. Warten Sie 15 Minuten und versuchen Sie es erneut.
public-check-email-title = Sehen Sie in Ihrem E-Mail-Postfach nach
public-check-email-sent = Wir haben eine E-Mail an { $address } gesendet. Öffnen Sie den Link darin, um den Vorgang abzuschließen: Er gilt 24 Stunden.
public-check-email-sent-unknown = Wir haben eine E-Mail an die angegebene Adresse gesendet. Öffnen Sie den Link darin, um den Vorgang abzuschließen: Er gilt 24 Stunden.
public-check-email-again = Ist sie nach einigen Minuten noch nicht angekommen, sehen Sie im Spam-Ordner nach, oder { $link }, um einen neuen Link zu erhalten.
public-check-email-again-link = erstellen Sie Ihr Konto erneut
public-confirm-title = E-Mail-Adresse bestätigen
public-confirm-intro-password = Geben Sie das Passwort ein, das Sie beim Erstellen des Kontos gewählt haben, um diese Adresse zu bestätigen und Ihr Konto nutzen zu können. Sie werden dann angemeldet.
public-confirm-intro = Bestätigen Sie diese Adresse, um Ihr Konto nutzen zu können. Sie werden dann angemeldet.
public-confirm-button = E-Mail-Adresse bestätigen
public-confirm-link-dead = Dieser Link ist abgelaufen oder wurde bereits verwendet. Erstellen Sie Ihr Konto erneut, um einen neuen zu erhalten, oder melden Sie sich an, wenn Sie es schon bestätigt haben.
public-confirm-throttled = Zu viele falsche Passwörter. Warten Sie 15 Minuten und versuchen Sie es erneut.
public-confirm-password-wrong = Geben Sie das Passwort ein, das Sie beim Erstellen des Kontos gewählt haben. Haben Sie es mehrmals erstellt, gilt jedes dieser Passwörter; haben Sie es vergessen, erstellen Sie das Konto erneut.

## Mit Telefonnummer registrieren.
public-register-phone-intro = Geben Sie Ihre Mobilnummer ein. Wir senden Ihnen per SMS einen Code, mit dem Sie nachweisen, dass die Nummer Ihnen gehört; danach geben Sie Ihren Namen und Ihre E-Mail-Adresse an.
public-register-with-email = Mit E-Mail-Adresse und Passwort registrieren
public-have-account-sign-in = Haben Sie schon ein Konto? Anmelden
public-code-sent-to = Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet.
public-send-again = Erneut senden
public-enter-code-title = Bestätigungscode eingeben
public-no-phone-registration = Es läuft keine Registrierung mit Telefonnummer, oder sie hat länger als 10 Minuten gedauert. Beginnen Sie erneut mit „Mit Telefonnummer registrieren“.
public-details-title = Ihr Name und Ihre E-Mail-Adresse
public-details-intro = Ihre Telefonnummer { $phone } ist bestätigt. Geben Sie Ihren Namen und Ihre E-Mail-Adresse an, um die Erstellung Ihres Kontos abzuschließen. Wir senden Ihnen per E-Mail einen Link, um die Adresse zu bestätigen; bis dahin können Sie sich mit Ihrer Telefonnummer anmelden.
public-no-verified-phone = Bestätigen Sie zuerst Ihre Telefonnummer mit einem Code und geben Sie dann Ihren Namen und Ihre E-Mail-Adresse an. Beginnen Sie erneut mit „Mit Telefonnummer registrieren“.

## Die Seite „Telefonnummer“.
public-phone-label = Telefonnummer
public-phone-hint = Eine Mobilnummer, { $example }.
public-send-code = Code senden
public-phone-empty = Geben Sie Ihre Telefonnummer ein.
public-phone-invalid = Dies ist keine gültige Telefonnummer. Prüfen Sie die Landesvorwahl und die Ziffern.

## „Passwort vergessen?“ und „Passwort festlegen“.
public-forgot-title = Passwort vergessen?
public-forgot-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.
public-forgot-button = Link zum Zurücksetzen senden
public-back-to-sign-in = Zurück zur Anmeldung
public-forgot-email-empty = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden.
public-forgot-sent = Wenn es ein Konto mit der Adresse { $address } gibt, haben wir einen Link an diese Adresse gesendet, mit dem Sie ein neues Passwort wählen können. Der Link kann einmal verwendet werden und gilt 30 Minuten.
public-forgot-sent-unknown = Wenn es ein Konto mit der eingegebenen Adresse gibt, haben wir einen Link an diese Adresse gesendet, mit dem Sie ein neues Passwort wählen können. Der Link kann einmal verwendet werden und gilt 30 Minuten.
public-forgot-two-step = Wenn Sie die Bestätigung in zwei Schritten verwenden, bleibt sie eingeschaltet: Auch mit dem neuen Passwort melden Sie sich weiterhin mit Ihrem zweiten Schritt an.
public-forgot-no-email = Keine E-Mail erhalten? Sehen Sie im Spam-Ordner nach oder fragen Sie Ihren Administrator.
public-forgot-throttled = Es wurden zu viele Links zum Zurücksetzen angefordert. Warten Sie eine Stunde und versuchen Sie es erneut, oder fragen Sie Ihren Administrator.
public-password-link-dead = Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie mit „Passwort vergessen?“ auf der Anmeldeseite einen neuen an, oder fragen Sie Ihren Administrator.
public-password-link-no-phone = Für diesen Link ist außerdem ein Code nötig, den wir per SMS an die Telefonnummer des Kontos senden, aber das Konto hat derzeit keine. Fragen Sie Ihren Administrator.
public-set-title = Passwort festlegen
public-set-intro = Wählen Sie das Passwort für { $email }. Danach melden Sie sich damit an.
public-set-unconfirmed = Diese Adresse ist noch nicht bestätigt, deshalb senden wir außerdem einen Code per SMS an die Telefonnummer des Kontos, { $phone }: Geben Sie ihn mit Ihrem neuen Passwort ein. Beides zusammen bestätigt die Adresse.
public-set-code-label = Code aus der SMS
public-set-code-hint = Der 6-stellige Code, den wir per SMS an { $phone } gesendet haben. Er gilt 10 Minuten.
public-new-password = Neues Passwort
public-set-button = Passwort festlegen
public-text-me-code = Code per SMS senden

## Eine Einladung in einen Datenraum.
public-join-title = { $room } beitreten
public-invited-as = Sie wurden als { $email } eingeladen. Wählen Sie Ihren Namen und ein Passwort, um Ihr Konto zu erstellen.
public-invitation-dead = Diese Einladung ist abgelaufen oder wurde bereits verwendet. Bitten Sie den Administrator des Datenraums um eine neue.

## Der erste Administrator.
public-setup-title = Ersten Administrator anlegen
public-setup-intro = Dieser Link kann nur einmal verwendet werden. Mit dem Konto, das Sie hier erstellen, verwalten Sie { $app }.
public-setup-button = Administrator anlegen
public-setup-link-invalid = Dieser Einrichtungslink wurde bereits verwendet oder ist nicht mehr gültig. Melden Sie sich an, oder bitten Sie einen Administrator um ein Konto.

## Die Startseite.
public-home-title = Hallo { $name }
public-home-reminder-title = Bestätigung in zwei Schritten einschalten
public-home-turn-on-now = Jetzt einschalten
public-home-not-now = Nicht jetzt
public-home-signed-in-to = Sie sind bei { $app } angemeldet.
public-home-my-rooms = Meine Datenräume
public-home-code-asked = Code erforderlich
public-home-open-this-session = In dieser Sitzung offen
public-home-manage-rooms = Meine Datenräume verwalten
public-home-security = Meine Sicherheitseinstellungen
public-home-change-password = Passwort ändern

## Der Zutritt zu einem Datenraum.
public-room-open = Der Datenraum ist für den Rest dieser Sitzung für Sie geöffnet.
public-room-own-application = { $room } ist eine eigene Anwendung unter einer anderen Adresse.
public-room-open-button = { $room } öffnen
public-back-to-rooms = Zurück zu meinen Datenräumen
public-room-code-title = Code für den Datenraum eingeben
public-room-managed-not-entered = Sie verwalten diesen Datenraum als Plattformadministrator, aber durch das Verwalten wird ein Datenraum nicht geöffnet: Nur seine Mitglieder und seine eigenen Administratoren können ihn betreten. Um ihn zu betreten, fügen Sie sich unter „Benutzerrechte“ einer seiner Benutzergruppen hinzu, oder ernennen Sie sich in seinen Einstellungen zu einem seiner Administratoren.
public-room-code-waiting = { $room } öffnet sich erst mit einem Code. Wir haben einen 6-stelligen Code per SMS an { $phone } gesendet.
public-room-cannot-text = { $room } öffnet sich erst mit einem Code. Wir können gerade keinen Code per SMS an { $phone } senden.
public-room-no-code = { $room } öffnet sich erst mit einem Code. Für { $phone } liegt kein Code vor. Wählen Sie „Erneut senden“, um einen neuen zu erhalten.
public-room-chosen-by-anyone = Ein Administrator hat diese Nummer für Sie in { $room } festgelegt. Wenn sie falsch ist, bitten Sie Ihren Administrator, sie zu ändern.
public-room-chosen-by-one = { $admin }, Administrator des Datenraums, hat diese Nummer für Sie in { $room } festgelegt. Wenn sie falsch ist, bitten Sie diese Person, sie zu ändern.
public-room-chosen-by-many = Die Administratoren des Datenraums, { $admins } und { $last }, haben diese Nummer für Sie in { $room } festgelegt. Wenn sie falsch ist, bitten Sie einen von ihnen, sie zu ändern.

## Das Menü „Sprache“.
public-language-unknown = Wählen Sie eine der angebotenen Sprachen.

## Die Fehlerseiten.
error-page-start = Zur Startseite
error-page-400-title = Die Anfrage konnte nicht gelesen werden
error-page-400 = Die Anfrage konnte nicht gelesen werden. Gehen Sie zurück, prüfen Sie Ihre Eingaben und versuchen Sie es erneut.
error-page-403-title = Dazu sind Sie nicht berechtigt
error-page-403 = Das ist für Ihr Konto nicht erlaubt.
error-page-404-title = Seite nicht gefunden
error-page-404 = Unter dieser Adresse gibt es keine Seite. Prüfen Sie die Adresse, oder gehen Sie zur Startseite.
error-page-405-title = Diese Seite lässt sich so nicht verwenden
error-page-405 = Gehen Sie zurück und verwenden Sie die Links und Schaltflächen der Seite.
error-page-409-title = Diese Änderung ist nicht möglich
error-page-409 = Die Änderung passt nicht zum aktuellen Stand. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-page-410-title = Dieser Link ist abgelaufen
error-page-410 = Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.
error-page-413-title = Zu viele Daten
error-page-413 = Was Sie gesendet haben, ist zu groß. Kürzen Sie es und versuchen Sie es erneut.
error-page-415-title = Das Formular konnte nicht gelesen werden
error-page-415 = Das Formular wurde in einem Format gesendet, das diese Seite nicht annimmt.
error-page-429-title = Zu viele Versuche
error-page-429 = Warten Sie einige Minuten und versuchen Sie es erneut.
error-page-503-title = Nicht verfügbar
error-page-503 = Der Dienst ist nicht verfügbar. Versuchen Sie es in Kürze erneut.
error-page-key-missing = Das Portal kann Gespeichertes nicht lesen: Es wurde mit dem geheimen Schlüssel { $key } versiegelt, den das Portal nicht mehr hat. Der Betreiber muss diesen Schlüssel in TWOSTEP_SECRET_KEY_PREVIOUS eintragen.
error-page-4xx-title = Die Anfrage konnte nicht ausgeführt werden
error-page-4xx = Gehen Sie zurück und versuchen Sie es erneut.
error-page-500-title = Etwas ist schiefgelaufen
error-page-500 = Bei uns ist ein unerwarteter Fehler aufgetreten. Versuchen Sie es in Kürze erneut.
error-page-bad-text = Das Formular enthält Zeichen, die nicht verwendet werden können. Gehen Sie zurück, prüfen Sie Ihre Eingaben und versuchen Sie es erneut.
error-page-form-expired = Dieses Formular ist abgelaufen oder wurde nicht von dieser Website gesendet. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
# Eine Adresse oder ein Formular, das die Seite nicht lesen kann.
error-page-bad-address = Die Adresse ist fehlerhaft.
error-page-bad-form = Das Formular konnte nicht gelesen werden. Gehen Sie zurück, prüfen Sie Ihre Eingaben und versuchen Sie es erneut.
