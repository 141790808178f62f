# E-post: ramen kring varje mejl, säkerhetsmeddelandena och breven med en länk.
# { $app } är plattformens appnamn.

## Ramen
email-hello = Hej!
email-hello-name = Hej { $name }!
email-account = Konto
email-when = När
email-device = Enhet
email-from-address = IP-adress
# En webbläsare eller adress som inte sa vad den är.
email-unknown-device = Okänd
email-unknown-address = okänd

## Säkerhetsmeddelanden: ämnet, sedan vad som hände
email-device-trusted-subject = En ny enhet har markerats som betrodd för ditt { $app }-konto
email-device-trusted = { $device } kan nu logga in på ditt konto utan verifieringskod.
email-recovery-code-used-subject = En återställningskod användes för att logga in på { $app }
email-recovery-code-used = En återställningskod användes nyss för att logga in på ditt konto. { $count ->
    [one] Du har { $count } återställningskod kvar.
   *[other] Du har { $count } återställningskoder kvar.
}
email-two-step-on-subject = Tvåstegsverifiering är på för ditt { $app }-konto
email-two-step-on = Tvåstegsverifiering slogs på. Inloggningskoderna kommer nu { $method }.
# Varifrån inloggningskoderna kommer, med sin preposition, efter ”kommer nu”.
email-codes-from-app = från en autentiseringsapp
email-codes-from-sms = med sms till { $phone }
email-codes-from-passkey = från en lösennyckel
email-method-changed-subject = Dina inloggningskoder för { $app } kommer nu { $method }
email-method-changed = Sättet du får inloggningskoder på har ändrats: de kommer nu { $method }.
email-phone-changed-subject = Ditt telefonnummer för { $app } har ändrats
email-phone-changed = Inloggningskoderna skickas nu med sms till { $phone }.
email-two-step-off-subject = Tvåstegsverifiering är av för ditt { $app }-konto
email-two-step-off = Tvåstegsverifiering stängdes av. Nu behövs bara ditt lösenord för att logga in.
email-factor-removed-subject = En inloggningsmetod togs bort från ditt { $app }-konto
email-factor-removed = { $method } kan inte längre användas för att logga in på ditt konto.
email-passkey-added-subject = En lösennyckel har lagts till i ditt { $app }-konto
email-passkey-added = Lösennyckeln ”{ $name }” har lagts till: den kan nu användas för att logga in på ditt konto.
email-passkey-removed-subject = En lösennyckel har tagits bort från ditt { $app }-konto
email-passkey-removed = Lösennyckeln ”{ $name }” kan inte längre användas för att logga in på ditt konto.
email-account-disabled-subject = Ditt { $app }-konto har inaktiverats
email-account-disabled = Din administratör har inaktiverat ditt konto: det går inte längre att logga in med det, och alla sessioner har loggats ut.
email-account-enabled-subject = Ditt { $app }-konto är aktiverat igen
email-account-enabled = Din administratör har aktiverat ditt konto igen: du kan logga in som vanligt.
email-made-admin-subject = Du är nu administratör för { $app }
email-made-admin = Din administratör har gjort dig till administratör: du kan nu öppna kontrollpanelen, hantera användare och ändra säkerhetsinställningarna.
email-no-longer-admin-subject = Du är inte längre administratör för { $app }
email-no-longer-admin = Din administratör har tagit bort din administratörsroll: kontrollpanelen är stängd för dig. I övrigt är ditt konto oförändrat.
email-signed-out-by-admin-subject = Du har loggats ut från { $app } överallt
email-signed-out-by-admin = Din administratör har loggat ut dig på alla enheter. Logga in igen för att fortsätta.
email-phone-set-by-admin = Din administratör har angett { $phone } som telefonnummer för ditt konto.
email-phone-removed-by-admin-subject = Ditt telefonnummer för { $app } har tagits bort
email-phone-removed-by-admin = Din administratör har tagit bort telefonnumret från ditt konto.
email-password-changed-subject = Ditt lösenord för { $app } har ändrats
email-password-changed = Lösenordet för ditt konto har ändrats, och alla sessioner och betrodda enheter har loggats ut.
email-reset-by-admin-subject = En administratör har återställt tvåstegsverifieringen för ditt { $app }-konto
email-reset-by-admin = Din administratör har återställt tvåstegsverifieringen för ditt konto: dina inloggningsmetoder, återställningskoder och betrodda enheter har tagits bort och alla sessioner har loggats ut. Nästa gång du loggar in kan du bli ombedd att konfigurera tvåstegsverifiering igen.
email-room-phone-set-subject = En kod efterfrågas när du öppnar { $room }
email-room-phone-set = Administratören för datarummet { $room } har angett { $phone } som ditt telefonnummer för tvåstegsverifiering där. För att öppna rummet behövs nu en kod som skickas med sms till numret, en gång per session.
email-room-phone-cleared-subject = Ingen kod efterfrågas längre när du öppnar { $room }
email-room-phone-cleared = Administratören för datarummet { $room } har tagit bort ditt telefonnummer för tvåstegsverifiering där. Det behövs inte längre någon kod för att öppna rummet.
email-recovery-codes-replaced-subject = Nya återställningskoder för ditt { $app }-konto
email-recovery-codes-replaced = Nya återställningskoder har skapats. De tidigare koderna fungerar inte längre.
email-temporary-code-issued-subject = En tillfällig åtkomstkod har utfärdats för ditt { $app }-konto
email-temporary-code-issued = Din administratör har utfärdat en tillfällig åtkomstkod för ditt konto. Tillsammans med ditt lösenord loggar den in dig en gång i stället för en verifieringskod, inom { $count ->
    [one] { $count } timme
   *[other] { $count } timmar
}. Din administratör ger dig koden personligen eller per telefon; den skickas aldrig med e-post.
email-temporary-code-used-subject = En tillfällig åtkomstkod användes för att logga in på { $app }
email-temporary-code-used = En tillfällig åtkomstkod användes nyss för att logga in på ditt konto. Den fungerar inte längre. Konfigurera en ny telefon eller app så att du kan logga in med en kod igen.

## Säkerhetsmeddelanden: vad du gör sedan. { $link } är namnet på en sida, som länk.
email-advice-ask-if-mistake = Om du tror att det är ett misstag, fråga din administratör.
email-advice-temporary-code = Om du inte har bett din administratör om en kod, meddela administratören direkt.
email-advice-reset-by-admin = Om du inte bad om detta, meddela din administratör. Du kan konfigurera tvåstegsverifiering igen under { $link }
email-advice-ask-room-admin = Om du inte väntade dig detta, fråga administratören för { $room }.
email-advice-tell-admin = Om du inte väntade dig detta, meddela din administratör.
email-advice-new-password = Om det inte var du, välj ett nytt lösenord direkt via { $link }
email-advice-review = Om det inte var du, byt lösenord direkt och gå igenom { $link }
email-link-security-settings = Mina säkerhetsinställningar
email-link-forgot-password = Glömt lösenordet?

## Brev: en engångslänk, eller vart du ska gå
email-choose-new-password-30-minutes = Välj ett nytt lösenord (inom 30 minuter; länken fungerar en gång)
email-reset-subject = Återställ ditt lösenord för { $app }
email-reset-pending-lead = Någon har från adressen { $ip } begärt att lösenordet ska återställas för det { $app }-konto som registrerades med telefonnumret { $phone } och som har angett den här e-postadressen.
email-reset-pending-code = Den här adressen är inte bekräftad än, så sidan ber också om en kod som vi skickar med sms till { $phone }: det går inte att ändra lösenordet med bara länken. När du har gjort båda bekräftas den här adressen för kontot.
email-reset-pending-ignore = Om det inte var du kan du bortse från det här mejlet: ingenting ändras.
email-reset-lead = Någon bad om att återställa lösenordet för ditt { $app }-konto ({ $email }) från adressen { $ip }.
email-reset-two-step-stays = Din tvåstegsverifiering är fortfarande på: du loggar fortfarande in med din kod efteråt.
email-reset-ignore = Om det inte var du kan du bortse från det här mejlet: ditt lösenord förblir detsamma.

email-confirm-subject = Bekräfta din e-postadress för { $app }
email-confirm-lead = Någon, troligen du, skapade ett { $app }-konto för { $email } från adressen { $ip }.
email-confirm-link = Bekräfta din e-postadress och logga in (inom 24 timmar; länken fungerar en gång)
email-confirm-ignore = Om det inte var du kan du bortse från det här mejlet: utan länken kan kontot inte användas.

email-existing-subject = Du har redan ett { $app }-konto
email-existing-lead = Någon, troligen du, försökte skapa ett { $app }-konto för { $email } från adressen { $ip }. Du har redan ett, så inget skapades.
email-existing-sign-in = Logga in
email-existing-forgot = Glömt lösenordet? Be om en återställningslänk
email-existing-ignore = Om det inte var du kan du bortse från det här mejlet: ditt konto har inte ändrats.

email-new-sign-in-subject = Ny inloggning på ditt { $app }-konto
email-new-sign-in-lead = Någon loggade nyss in på ditt { $app }-konto ({ $email }) från en webbläsare som kontot inte har använt förut.
email-new-sign-in-not-me = Det var inte jag (inom 7 dagar; länken fungerar en gång)
email-sign-in-when = När: { $when }
email-sign-in-browser = Webbläsare och system: { $browser }
email-sign-in-address = Adress: { $ip }

email-secured-subject = Välj ett nytt lösenord för { $app }
email-secured-lead = Du har meddelat oss att det inte var du som loggade in på ditt { $app }-konto ({ $email }). Alla sessioner har loggats ut, dina betrodda enheter har tagits bort och ditt gamla lösenord fungerar inte längre.
email-secured-link = Välj ett nytt lösenord (inom 24 timmar; länken fungerar en gång)
email-secured-two-step-stays = Din tvåstegsverifiering är fortfarande på: du loggar in med ditt nya lösenord och din kod.
email-secured-tell-admin = Berätta för din administratör vad som har hänt.

email-unfinished-subject = Ditt lösenord användes, men inloggningen slutfördes inte
email-unfinished-lead = Någon skrev rätt lösenord till ditt { $app }-konto ({ $email }) men slutförde inte det andra steget. Din tvåstegsverifiering stoppade dem.
email-unfinished-change = Byt lösenord
email-unfinished-advice = Om det var du behöver du inte göra något. Om det inte var du känner någon till ditt lösenord: byt det direkt, eller via ”Glömt lösenordet?” på inloggningssidan.

email-created-subject = Ditt { $app }-konto
email-created-lead = Din administratör har skapat ett konto åt dig i { $app } ({ $email }).
email-choose-password-72-hours = Välj ditt lösenord (inom 72 timmar; länken fungerar en gång)
email-created-then-sign-in = Logga sedan in med din e-postadress och det lösenordet.
email-password-link-subject = Välj ditt lösenord för { $app }
email-password-link-lead = Din administratör har skapat en länk åt dig för att välja lösenordet till ditt { $app }-konto ({ $email }).
email-password-link-two-step-stays = Din tvåstegsverifiering är fortfarande på.

email-invitation-subject = Du är inbjuden till { $room } i { $app }
email-invitation-lead = { $name } har bjudit in dig till datarummet { $room } i { $app }.
email-invitation-link = Skapa ditt konto och gå med (inom 7 dagar; länken fungerar en gång)
email-invitation-ignore = Kontot blir för { $email }. Om du inte väntade dig detta kan du bortse från det här mejlet.

email-help-subject = { $name } kan inte logga in på { $app }: har tappat bort telefonen
email-help-lead = { $name } ({ $email }) loggade in med sitt lösenord men kan inte få någon verifieringskod: personen uppger att hen har tappat bort sin telefon och har bett administratörerna om hjälp.
email-help-link = Öppna personens sida i kontrollpanelen
email-help-verify = Innan du hjälper till ska du försäkra dig om att det verkligen är personen i fråga: ring upp på ett nummer som du redan känner till, eller träffas personligen.
email-help-issue = Utfärda sedan en tillfällig åtkomstkod och läs upp den för personen. Ingenting stängs av, och personen konfigurerar en ny telefon eller app när hen har loggat in.

email-budget-subject = 80 % av dagens sms-budget är förbrukad
email-budget-lead = I dag har { $sent } av de { $budget } sms till nya nummer (nummer som inget konto har verifierat) som portalen skickar per dag gått ut. Vid { $budget } pausas sms till nya nummer fram till midnatt (UTC); koder till verifierade nummer skickas fortfarande.
email-budget-link = Se sms-siffrorna på kontrollpanelens översikt
email-budget-advice = En plötslig ökning, eller många koder till ett land som aldrig anges, är ett typiskt tecken på sms-pumpning. Du kan ändra den dagliga budgeten och gränserna under Säkerhetsinställningar i kontrollpanelen.
