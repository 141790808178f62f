# E-Mails: der Rahmen jeder E-Mail, die Sicherheitshinweise und die Briefe mit einem Link.
# { $app } ist der App-Name der Plattform.

## Der Rahmen
email-hello = Hallo,
email-hello-name = Hallo { $name },
email-account = Konto
email-when = Zeitpunkt
email-device = Gerät
email-from-address = IP-Adresse
# Ein Browser oder eine Adresse, die nicht sagt, was sie ist.
email-unknown-device = Unbekannt
email-unknown-address = unbekannt

## Sicherheitshinweise: der Betreff, dann was geschehen ist
email-device-trusted-subject = Ihrem { $app }-Konto wurde ein vertrauenswürdiges Gerät hinzugefügt
email-device-trusted = Auf { $device } ist die Anmeldung bei Ihrem Konto ab jetzt ohne Bestätigungscode möglich.
email-recovery-code-used-subject = Anmeldung bei { $app } mit einem Wiederherstellungscode
email-recovery-code-used = Soeben hat sich jemand mit einem Wiederherstellungscode bei Ihrem Konto angemeldet. { $count ->
    [one] Sie haben noch { $count } Wiederherstellungscode.
   *[other] Sie haben noch { $count } Wiederherstellungscodes.
}
email-two-step-on-subject = Die Bestätigung in zwei Schritten ist für Ihr { $app }-Konto eingeschaltet
email-two-step-on = Die Bestätigung in zwei Schritten wurde eingeschaltet. Anmeldecodes kommen jetzt { $method }.
# Woher die Anmeldecodes kommen, mit Präposition, nach „kommen jetzt“.
email-codes-from-app = aus einer Authenticator-App
email-codes-from-sms = per SMS an { $phone }
email-codes-from-passkey = über einen Passkey
email-method-changed-subject = Ihre Anmeldecodes für { $app } kommen jetzt { $method }
email-method-changed = Die Art, wie Sie Anmeldecodes erhalten, wurde geändert: Sie kommen jetzt { $method }.
email-phone-changed-subject = Ihre Telefonnummer für { $app } wurde geändert
email-phone-changed = Anmeldecodes werden jetzt per SMS an { $phone } gesendet.
email-two-step-off-subject = Die Bestätigung in zwei Schritten ist für Ihr { $app }-Konto ausgeschaltet
email-two-step-off = Die Bestätigung in zwei Schritten wurde ausgeschaltet. Zum Anmelden genügt jetzt Ihr Passwort.
email-factor-removed-subject = Eine Anmeldemethode wurde aus Ihrem { $app }-Konto entfernt
email-factor-removed = { $method } kann nicht mehr zum Anmelden bei Ihrem Konto verwendet werden.
email-passkey-added-subject = Ihrem { $app }-Konto wurde ein Passkey hinzugefügt
email-passkey-added = Der Passkey „{ $name }“ wurde hinzugefügt: Er kann jetzt zum Anmelden bei Ihrem Konto verwendet werden.
email-passkey-removed-subject = Ein Passkey wurde aus Ihrem { $app }-Konto entfernt
email-passkey-removed = Der Passkey „{ $name }“ kann nicht mehr zum Anmelden bei Ihrem Konto verwendet werden.
email-account-disabled-subject = Ihr { $app }-Konto wurde deaktiviert
email-account-disabled = Ihr Administrator hat Ihr Konto deaktiviert: Sie können sich damit nicht mehr anmelden, und alle Sitzungen wurden beendet.
email-account-enabled-subject = Ihr { $app }-Konto ist wieder aktiviert
email-account-enabled = Ihr Administrator hat Ihr Konto wieder aktiviert: Sie können sich wie bisher anmelden.
email-made-admin-subject = Sie sind jetzt Administrator von { $app }
email-made-admin = Ihr Administrator hat Sie zum Administrator ernannt: Sie können jetzt die Verwaltung öffnen, Benutzer verwalten und die Sicherheitseinstellungen ändern.
email-no-longer-admin-subject = Sie sind nicht mehr Administrator von { $app }
email-no-longer-admin = Ihr Administrator hat Ihnen die Administratorrolle entzogen: Sie haben keinen Zugang mehr zur Verwaltung. Ansonsten bleibt Ihr Konto unverändert.
email-signed-out-by-admin-subject = Sie wurden überall von { $app } abgemeldet
email-signed-out-by-admin = Ihr Administrator hat Ihr Konto auf allen Geräten abgemeldet. Melden Sie sich erneut an, um fortzufahren.
email-phone-set-by-admin = Ihr Administrator hat { $phone } als Telefonnummer Ihres Kontos festgelegt.
email-phone-removed-by-admin-subject = Ihre Telefonnummer für { $app } wurde entfernt
email-phone-removed-by-admin = Ihr Administrator hat die Telefonnummer aus Ihrem Konto entfernt.
email-password-changed-subject = Ihr Passwort für { $app } wurde geändert
email-password-changed = Das Passwort Ihres Kontos wurde geändert, alle Sitzungen wurden beendet und alle vertrauenswürdigen Geräte entfernt.
email-reset-by-admin-subject = Ein Administrator hat die Bestätigung in zwei Schritten für Ihr { $app }-Konto zurückgesetzt
email-reset-by-admin = Ihr Administrator hat die Bestätigung in zwei Schritten für Ihr Konto zurückgesetzt: Ihre Anmeldemethoden, Wiederherstellungscodes und vertrauenswürdigen Geräte wurden entfernt, und alle Sitzungen wurden beendet. Bei Ihrer nächsten Anmeldung werden Sie möglicherweise gebeten, die Bestätigung in zwei Schritten erneut einzurichten.
email-room-phone-set-subject = Beim Öffnen von { $room } wird ein Code abgefragt
email-room-phone-set = Der Administrator des Datenraums { $room } hat dort { $phone } als Ihre Telefonnummer für die Bestätigung in zwei Schritten festgelegt. Zum Öffnen des Datenraums ist jetzt einmal pro Sitzung ein Code nötig, der per SMS an diese Nummer gesendet wird.
email-room-phone-cleared-subject = Beim Öffnen von { $room } wird kein Code mehr abgefragt
email-room-phone-cleared = Der Administrator des Datenraums { $room } hat Ihre Telefonnummer für die Bestätigung in zwei Schritten dort entfernt. Zum Öffnen des Datenraums ist kein Code mehr nötig.
email-recovery-codes-replaced-subject = Neue Wiederherstellungscodes für Ihr { $app }-Konto
email-recovery-codes-replaced = Es wurden neue Wiederherstellungscodes erstellt. Die bisherigen Codes funktionieren nicht mehr.
email-temporary-code-issued-subject = Für Ihr { $app }-Konto wurde ein temporärer Zugangscode ausgestellt
email-temporary-code-issued = Ihr Administrator hat einen temporären Zugangscode für Ihr Konto ausgestellt. Zusammen mit Ihrem Passwort können Sie sich damit einmal ohne Bestätigungscode anmelden, innerhalb { $count ->
    [one] einer Stunde
   *[other] von { $count } Stunden
}. Ihr Administrator teilt ihn Ihnen persönlich oder telefonisch mit; er wird nie per E-Mail gesendet.
email-temporary-code-used-subject = Anmeldung bei { $app } mit einem temporären Zugangscode
email-temporary-code-used = Soeben hat sich jemand mit einem temporären Zugangscode bei Ihrem Konto angemeldet. Er funktioniert nicht mehr. Richten Sie ein neues Telefon oder eine neue App ein, damit Sie sich wieder mit einem Code anmelden können.

## Sicherheitshinweise: was als Nächstes zu tun ist. { $link } ist der Name einer Seite, als Link.
email-advice-ask-if-mistake = Wenn Sie das für einen Fehler halten, wenden Sie sich an Ihren Administrator.
email-advice-temporary-code = Wenn Sie Ihren Administrator nicht darum gebeten haben, informieren Sie ihn sofort.
email-advice-reset-by-admin = Wenn Sie das nicht veranlasst haben, informieren Sie Ihren Administrator. Sie können die Bestätigung in zwei Schritten hier wieder einrichten: { $link }
email-advice-ask-room-admin = Wenn Sie das nicht erwartet haben, wenden Sie sich an den Administrator von { $room }.
email-advice-tell-admin = Wenn Sie das nicht erwartet haben, informieren Sie Ihren Administrator.
email-advice-new-password = Wenn Sie das nicht waren, wählen Sie sofort ein neues Passwort über { $link }
email-advice-review = Wenn Sie das nicht waren, ändern Sie sofort Ihr Passwort und prüfen Sie Ihre Einstellungen unter { $link }
email-link-security-settings = Meine Sicherheitseinstellungen
email-link-forgot-password = Passwort vergessen?

## Briefe: ein einmaliger Link, oder wohin Sie gehen
email-choose-new-password-30-minutes = Neues Passwort wählen (innerhalb von 30 Minuten; der Link kann einmal verwendet werden)
email-reset-subject = Passwort für { $app } zurücksetzen
email-reset-pending-lead = Jemand hat von der Adresse { $ip } aus angefordert, das Passwort des { $app }-Kontos zurückzusetzen, das mit der Telefonnummer { $phone } registriert wurde und diese Adresse angegeben hat.
email-reset-pending-code = Diese Adresse ist noch nicht bestätigt, daher fragt die Seite auch nach einem Code, den wir per SMS an { $phone } senden: Der Link allein kann das Passwort nicht ändern. Wenn Sie beides tun, wird diese Adresse für das Konto bestätigt.
email-reset-pending-ignore = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Es ändert sich nichts.
email-reset-lead = Jemand hat von der Adresse { $ip } aus angefordert, das Passwort Ihres { $app }-Kontos ({ $email }) zurückzusetzen.
email-reset-two-step-stays = Ihre Bestätigung in zwei Schritten bleibt eingeschaltet: Sie melden sich danach weiterhin mit Ihrem Code an.
email-reset-ignore = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.

email-confirm-subject = E-Mail-Adresse für { $app } bestätigen
email-confirm-lead = Jemand, wahrscheinlich Sie, hat von der Adresse { $ip } aus ein { $app }-Konto für { $email } erstellt.
email-confirm-link = E-Mail-Adresse bestätigen und anmelden (innerhalb von 24 Stunden; der Link kann einmal verwendet werden)
email-confirm-ignore = Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ohne den Link kann das Konto nicht verwendet werden.

email-existing-subject = Sie haben bereits ein { $app }-Konto
email-existing-lead = Jemand, wahrscheinlich Sie, hat von der Adresse { $ip } aus versucht, ein { $app }-Konto für { $email } zu erstellen. Sie haben bereits eines, daher wurde nichts erstellt.
email-existing-sign-in = Anmelden
email-existing-forgot = Passwort vergessen? Fordern Sie einen Link zum Zurücksetzen an
email-existing-ignore = Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren: Ihr Konto wurde nicht geändert.

email-new-sign-in-subject = Neue Anmeldung bei Ihrem { $app }-Konto
email-new-sign-in-lead = Soeben hat sich jemand bei Ihrem { $app }-Konto ({ $email }) in einem Browser angemeldet, der dafür bisher nicht verwendet wurde.
email-new-sign-in-not-me = Das war ich nicht (innerhalb von 7 Tagen; der Link kann einmal verwendet werden)
email-sign-in-when = Zeitpunkt: { $when }
email-sign-in-browser = Browser und System: { $browser }
email-sign-in-address = Adresse: { $ip }

email-secured-subject = Neues Passwort für { $app } wählen
email-secured-lead = Sie haben uns mitgeteilt, dass eine Anmeldung bei Ihrem { $app }-Konto ({ $email }) nicht von Ihnen war. Alle Sitzungen wurden beendet, Ihre vertrauenswürdigen Geräte wurden entfernt, und Ihr altes Passwort funktioniert nicht mehr.
email-secured-link = Neues Passwort wählen (innerhalb von 24 Stunden; der Link kann einmal verwendet werden)
email-secured-two-step-stays = Ihre Bestätigung in zwei Schritten bleibt eingeschaltet: Sie melden sich mit Ihrem neuen Passwort und Ihrem Code an.
email-secured-tell-admin = Informieren Sie Ihren Administrator über den Vorfall.

email-unfinished-subject = Ihr Passwort wurde verwendet, aber die Anmeldung wurde nicht abgeschlossen
email-unfinished-lead = Jemand hat das richtige Passwort Ihres { $app }-Kontos ({ $email }) eingegeben, aber den zweiten Schritt nicht abgeschlossen. Ihre Bestätigung in zwei Schritten hat die Anmeldung verhindert.
email-unfinished-change = Passwort ändern
email-unfinished-advice = Wenn Sie das waren, müssen Sie nichts tun. Wenn nicht, kennt jemand Ihr Passwort: Ändern Sie es sofort, direkt oder über „Passwort vergessen?“ auf der Anmeldeseite.

email-created-subject = Ihr { $app }-Konto
email-created-lead = Ihr Administrator hat für Sie ein Konto bei { $app } erstellt ({ $email }).
email-choose-password-72-hours = Passwort wählen (innerhalb von 72 Stunden; der Link kann einmal verwendet werden)
email-created-then-sign-in = Melden Sie sich danach mit Ihrer E-Mail-Adresse und diesem Passwort an.
email-password-link-subject = Ihr Passwort für { $app } wählen
email-password-link-lead = Ihr Administrator hat Ihnen einen Link erstellt, mit dem Sie das Passwort Ihres { $app }-Kontos ({ $email }) wählen können.
email-password-link-two-step-stays = Ihre Bestätigung in zwei Schritten bleibt eingeschaltet.

email-invitation-subject = Sie wurden zu { $room } bei { $app } eingeladen
email-invitation-lead = { $name } hat Sie in den Datenraum { $room } bei { $app } eingeladen.
email-invitation-link = Konto erstellen und beitreten (innerhalb von 7 Tagen; der Link kann einmal verwendet werden)
email-invitation-ignore = Das Konto wird für { $email } erstellt. Wenn Sie das nicht erwartet haben, ignorieren Sie diese E-Mail.

email-help-subject = { $name } kann sich nicht bei { $app } anmelden: Telefon verloren
email-help-lead = { $name } ({ $email }) hat sich mit dem Passwort angemeldet, kann aber keinen Bestätigungscode erhalten: Die Person gibt an, ihr Telefon verloren zu haben, und hat die Administratoren um Hilfe gebeten.
email-help-link = Die Seite der Person in der Verwaltung öffnen
email-help-verify = Bevor Sie helfen, stellen Sie sicher, dass es wirklich die Person ist: Rufen Sie sie unter einer Nummer an, die Sie bereits kennen, oder treffen Sie sie.
email-help-issue = Stellen Sie ihr dann einen temporären Zugangscode aus und lesen Sie ihn ihr vor. Es wird nichts ausgeschaltet, und die Person richtet nach der Anmeldung ein neues Telefon oder eine neue App ein.

email-budget-subject = 80 % des heutigen SMS-Budgets sind verbraucht
email-budget-lead = Heute wurden bereits { $sent } der { $budget } SMS verschickt, die das Portal pro Tag an neue Nummern (Nummern, die noch kein Konto bestätigt hat) sendet. Sind { $budget } erreicht, werden SMS an neue Nummern bis Mitternacht (UTC) ausgesetzt; Codes an bestätigte Nummern werden weiterhin gesendet.
email-budget-link = SMS-Zahlen in der Übersicht der Verwaltung ansehen
email-budget-advice = Ein plötzlicher Anstieg oder viele Codes an Nummern in einem Land, die nie eingegeben werden, sind das typische Zeichen für SMS-Pumping. Sie können das Tagesbudget und die Obergrenzen unter „Sicherheitseinstellungen“ in der Verwaltung ändern.
