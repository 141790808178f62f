# Inloggning: inloggningssidan, det andra steget (kod, lösennyckel, återställningskod,
# tillfällig åtkomstkod, ”Har du tappat bort telefonen?”), inloggning med telefonnummer,
# en applikations inloggning och utloggning (oauth-) och ”Det var inte jag” (secure-).

## Inloggningssidan
login-title = Logga in
login-email = E-post
login-password = Lösenord
login-submit = Logga in
login-forgot-password = Glömt lösenordet?
login-with-passkey = Logga in med lösennyckel
login-with-phone = Logga in med telefonnummer
login-no-account = Har du inget konto?
login-create-account = Skapa konto
login-enter-email = Ange din e-postadress.
login-enter-password = Ange ditt lösenord.
# Samma meddelande för varje misslyckad inloggning, oavsett om kontot finns.
login-wrong-credentials = E-postadressen eller lösenordet är fel.
login-throttled = För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen.
login-signed-out-by-administrator = En administratör har loggat ut dig. Logga in igen för att fortsätta.
login-disabled = Det här kontot är inaktiverat. Kontakta din administratör om du tror att det är ett misstag.
login-unconfirmed = Din e-postadress är inte bekräftad än. Vi har mejlat dig en länk: öppna den för att börja använda ditt konto.

## Kodsidan: en verifieringskod i ett sms eller från autentiseringsappen
login-code-title = Ange din verifieringskod
login-code-label = Verifieringskod
login-sms-hint = Den 6-siffriga koden i sms:et. Den gäller i 10 minuter.
login-app-hint = Den 6-siffriga koden som din autentiseringsapp visar just nu.
login-trust-device = Lita på den här enheten
login-trust-hint = Fråga inte efter någon kod i den här webbläsaren igen. Lösenordet behövs fortfarande. Kryssa bara i rutan på en enhet som är din.
login-verify = Verifiera
login-cancel-sign-out = Avbryt och logga ut
# { $phone } är det maskerade numret: ”+46 ••• •• 67”.
login-sms-sent = Vi har skickat en 6-siffrig kod i ett sms till { $phone }.
login-sms-cannot-send = Vi kan inte skicka någon kod till { $phone } just nu.
login-sms-can-send = Vi kan skicka en 6-siffrig kod i ett sms till { $phone }. Välj ”Skicka kod” och ange sedan koden.
login-sms-none-waiting = Ingen kod väntar för { $phone }. Välj ”Skicka igen” för att få en ny.
login-app-intro = Öppna din autentiseringsapp och ange koden som den visar för det här kontot.
login-send-code = Skicka kod
login-send-again = Skicka igen
# { $time } är en tidpunkt (”19:14:05 UTC”); { $seconds } är antalet sekunder, som räknas
# ned på sidan; { $count } är samma tal, för pluralformen.
login-resend-wait = { $count ->
    [one] Du kan begära en ny kod kl. { $time } (om { $seconds } sekund).
   *[other] Du kan begära en ny kod kl. { $time } (om { $seconds } sekunder).
}
login-resend-ready = Du kan begära en ny kod nu.
login-resend-missing = Fick du ingen kod?
login-code-wrong = { $count ->
    [one] Koden stämmer inte. Du har { $count } försök kvar.
   *[other] Koden stämmer inte. Du har { $count } försök kvar.
}
login-code-locked = För många felaktiga koder: den här koden kan inte längre användas. Begär en ny kod med ”Skicka igen”.
login-code-expired = Koden har gått ut. Begär en ny kod med ”Skicka igen”.
login-code-none = Det finns ingen kod som väntar på att användas. Begär en ny kod med ”Skicka igen”.
login-app-code-replayed = Koden har redan använts. Vänta tills appen visar en ny kod.
login-app-code-wrong = Koden stämmer inte. Ange koden som appen visar just nu.
login-too-many-codes = För många felaktiga koder. Vänta 15 minuter och försök igen.
# Varför ingen kod kan skickas nu. { $time } är en tidpunkt (”19:14:05 UTC”); { $count } är
# sekunderna att vänta.
login-limit-cooldown = { $count ->
    [one] En kod skickades alldeles nyss. Du kan begära en ny om { $count } sekund.
   *[other] En kod skickades alldeles nyss. Du kan begära en ny om { $count } sekunder.
}
login-limit-codes-or-other-way = Du har begärt för många koder. Du kan begära en ny kl. { $time } eller logga in på ett annat sätt nedan.
login-limit-codes = Du har begärt för många koder. Du kan begära en ny kl. { $time }.
login-limit-phone = För många koder har skickats till det här telefonnumret i dag. Du kan begära en ny kl. { $time }.
login-limit-network = För många koder har skickats från ditt nätverk. Du kan begära en ny kl. { $time }.
login-limit-budget = Sms till nya nummer är pausade resten av dagen: portalen har nått sin gräns för antal sms per dag. Du kan begära en kod igen efter midnatt (UTC). Koder till nummer som redan är verifierade skickas fortfarande.
login-limit-new-number = För många koder har skickats till det här telefonnumret i dag. Du kan begära en ny efter midnatt (UTC).
login-limit-new-address = Från din adress har det i dag begärts för många koder till nya nummer. Du kan begära en ny efter midnatt (UTC).
login-limit-new-network = Från ditt nätverk har det i dag begärts för många koder till nya nummer. Du kan begära en ny efter midnatt (UTC).
login-limit-new-country = För många koder har skickats till nummer i det här landet i dag. Du kan begära en ny efter midnatt (UTC) eller använda ett nummer från ett annat land.
login-send-rejected = Sms:et kunde inte levereras till det här numret. Kontrollera numret eller använd ”Skicka igen” om en stund.
login-send-unavailable = Vi kunde inte skicka sms:et just nu. Använd ”Skicka igen” om en stund.
login-send-failed = Något gick fel när koden skulle skickas. Försök igen om en stund.
login-code-missing = Ange verifieringskoden.
login-code-malformed = Ange den 6-siffriga koden i sms:et.
login-passkey-owed = Din administratör vill att du loggar in med en lösennyckel. Välj ”Logga in med lösennyckel” på inloggningssidan, eller logga in med e-postadress och lösenord och sedan med din lösennyckel.
login-passkeys-only = Din administratör kräver en lösennyckel för ditt konto: koder i sms eller från en app godtas inte. Använd din lösennyckel eller en återställningskod.
login-passkeys-only-unavailable = Din administratör kräver en lösennyckel för ditt konto, och lösennycklar kan inte användas här just nu. Använd en återställningskod.

## Andra sätt att slutföra inloggningen, under formuläret
login-use-sms = Använd sms
login-use-app = Använd autentiseringsapp
login-use-passkey = Använd en lösennyckel
login-use-recovery-code = Använd en återställningskod
login-use-temporary-code = Använd en tillfällig åtkomstkod
login-lost-phone = Har du tappat bort telefonen?
login-use-code-instead = Använd en verifieringskod i stället

## En återställningskod
login-recovery-intro = Ange en av återställningskoderna som du sparade när du slog på tvåstegsverifiering. Varje kod fungerar en gång.
login-recovery-label = Återställningskod
login-recovery-example = Till exempel 7KQM-2XHD-9RTF.
login-recovery-enter = Ange en av dina återställningskoder.
login-recovery-wrong = Återställningskoden stämmer inte, eller så har den redan använts.

## En tillfällig åtkomstkod
login-temporary-intro = Om du har tappat bort telefonen kan din administratör ge dig en tillfällig åtkomstkod, personligen eller per telefon. Tillsammans med ditt lösenord kan du logga in med den en gång, i stället för med en verifieringskod. Konfigurera sedan en ny telefon eller app.
login-temporary-label = Tillfällig åtkomstkod
login-temporary-example = 16 bokstäver och siffror, till exempel 7KQM-2XHD-9RTF-B4NW.
login-temporary-enter = Ange den tillfälliga åtkomstkoden som du har fått av din administratör.
login-temporary-wrong = Koden stämmer inte, eller så gäller den inte längre. Stäm av den med din administratör; efter 5 felaktiga försök måste en ny utfärdas.

## ”Har du tappat bort telefonen?”
login-lost-still = Du kan fortfarande logga in, utan att stänga av något:
login-lost-recovery-name = En återställningskod.
login-lost-recovery-text = När du slog på tvåstegsverifiering sparade du tio återställningskoder. Var och en fungerar en gång i stället för en verifieringskod.
login-lost-temporary-name = En tillfällig åtkomstkod.
login-lost-temporary-text = Din administratör kan ge dig en, personligen eller per telefon, efter att ha kontrollerat att det är du. Den kan användas en gång tillsammans med ditt lösenord och gäller i några timmar.
login-lost-then = När du har loggat in konfigurerar du din nya telefon eller en autentiseringsapp under Mina säkerhetsinställningar.
login-lost-ask-heading = Be om en tillfällig åtkomstkod
login-lost-ask-text = Vi meddelar dina administratörer via mejl att du inte kan få någon kod. Ditt lösenord lämnar vi aldrig ut till någon.
login-lost-ask-button = Be mina administratörer om hjälp
login-lost-asked-title = Dina administratörer har fått din begäran
login-lost-asked-text = Vi har mejlat dina administratörer att du inte kan få någon verifieringskod. En av dem hör av sig för att kontrollera att det är du och kan sedan ge dig en tillfällig åtkomstkod.
# { $link } är länken ”Använd en tillfällig åtkomstkod” (login-use-temporary-code).
login-lost-asked-then = När du har fått den väljer du { $link }, eller loggar in igen och hittar länken under verifieringskoden.
login-back-to-code = Tillbaka till verifieringskoden

## Lösennycklar
login-back = Tillbaka
login-passkey-sign-in-intro = Inget lösenord behövs: välj ”Logga in med lösennyckel” och ditt konto, och lås sedan upp lösennyckeln med fingeravtryck, ansikte, skärmlås eller säkerhetsnyckelns pinkod.
login-with-email = Logga in med e-postadress och lösenord
login-passkey-unavailable = Lösennycklar kan inte användas här: portalen nås via en IP-adress, och webbläsare använder bara lösennycklar för webbplatser som nås via ett namn. Logga in med e-postadress och lösenord.
login-passkey-step-title = Använd din lösennyckel
login-passkey-step-intro = Välj ”Använd en lösennyckel” och följ sedan webbläsarens anvisningar: den kan be om din telefon, ditt fingeravtryck eller ansikte, ditt skärmlås eller din säkerhetsnyckel.
login-passkey-trust-hint = Fråga inte efter någon lösennyckel eller kod i den här webbläsaren igen. Lösenordet behövs fortfarande. Kryssa bara i rutan på en enhet som är din.
login-passkey-copied = Lösennyckeln nekades: den kan ha kopierats. Logga in på ett annat sätt och meddela din administratör.
login-passkey-not-accepted = Din lösennyckel godtogs inte. Välj knappen igen och använd en lösennyckel för det här kontot, eller välj ett annat sätt.
# Sägs av static/passkey.js på sidan, från formulärets data-attribut.
login-passkey-unsupported = Den här webbläsaren kan inte använda lösennycklar. Använd ett annat sätt nedan, eller en annan webbläsare.
login-passkey-script-not-used = Ingen lösennyckel användes. Försök igen, eller använd ett annat sätt nedan.

## Inloggning med telefonnummer
login-phone-intro = Ange mobilnumret för ditt konto. Vi skickar en kod i ett sms som du loggar in med.
login-phone-email-link = Logga in med e-postadress och lösenord
login-phone-register = Registrera dig med telefonnummer
login-phone-sent = Vi har skickat en 6-siffrig kod i ett sms till { $phone }. Ange den för att fortsätta.
# Formulerat så att det stämmer oavsett om numret har ett konto.
login-phone-sent-if = Om { $phone } är det verifierade numret för ett konto har vi skickat en 6-siffrig kod i ett sms till det. Ange koden för att logga in.
login-no-phone-sign-in = Ingen inloggning med telefonnummer pågår, eller så tog den mer än 10 minuter. Börja om från ”Logga in med telefonnummer”.
login-no-password-step = Ingen inloggning väntar på ditt lösenord, eller så tog den mer än 10 minuter. Börja om från ”Logga in med telefonnummer”.
login-password-title = Ange ditt lösenord
login-phone-password-intro = Ditt konto använder tvåstegsverifiering, så koden från telefonen räcker inte ensam. Ange även ditt lösenord för att slutföra inloggningen.
login-phone-no-password = Ditt konto har inget lösenord än. Välj ”Glömt lösenordet?” nedan och ange din e-postadress: vi mejlar dig en länk där du väljer ett (om adressen inte är bekräftad än ber sidan också om en kod som vi skickar i ett sms till den här telefonen).
login-password-wrong = Lösenordet är fel.
login-app-code-title = Ange koden från autentiseringsappen
login-phone-app-intro = Ditt konto använder tvåstegsverifiering, så koden från telefonen räcker inte ensam. Ange koden som din autentiseringsapp visar för att slutföra inloggningen.
login-use-password-instead = Använd ditt lösenord i stället

## Påminnelsen om att slå på tvåstegsverifiering (startsidan och förhandsvisningen i kontrollpanelen)
login-reminder = { $app } har nu stöd för tvåstegsverifiering. Det ger bättre säkerhet: utöver ditt lösenord loggar du också in med en kod som skickas i ett sms till din telefon.

## En applikations inloggning och utloggning
oauth-unreadable = Begäran kunde inte läsas.
oauth-repeated = Applikationens inloggningsbegäran innehåller samma parameter flera gånger. Gå tillbaka till applikationen och försök igen. Kontakta applikationens administratör om problemet kvarstår.
oauth-unknown-application = Applikationen som skickade dig hit är inte registrerad i den här portalen, så du kan inte logga in på den härifrån. Kontakta applikationens administratör.
oauth-unregistered-redirect = Applikationen vill skicka dig tillbaka till en adress som inte är registrerad för den, så inloggningen avbryts här. Kontakta applikationens administratör.
oauth-no-longer-waiting-why = Inloggningen till applikationen väntar inte längre (den har antingen slutförts eller fått vänta för länge). Gå tillbaka till applikationen och logga in igen.
oauth-no-longer-waiting = Inloggningen till applikationen väntar inte längre. Gå tillbaka till applikationen och logga in igen.
oauth-application-gone = Applikationen som du höll på att logga in på är inte längre registrerad i den här portalen.
oauth-step-up-title = { $application } begär tvåstegsverifiering
oauth-step-up-sms = Du är inloggad i { $app } med ditt lösenord. { $application } begär också det andra steget: vi skickar en kod i ett sms till din telefon.
oauth-step-up-app = Du är inloggad i { $app } med ditt lösenord. { $application } begär också det andra steget: du anger en kod från din autentiseringsapp.
oauth-continue = Fortsätt
oauth-logout-title = Logga ut från { $app }?
oauth-logout-application-asks = { $application } vill logga ut dig från { $app } också.
oauth-logout-an-application-asks = En applikation vill logga ut dig från { $app }.
oauth-logout-explain = Om du loggar ut här avslutas din session i den här webbläsaren: de andra applikationerna som du har loggat in på via { $app } ber dig logga in igen.
oauth-logout-button = Logga ut från { $app }
oauth-stay-signed-in = Förbli inloggad
oauth-logout-repeated = Applikationens utloggningsbegäran innehåller samma parameter flera gånger.
oauth-logout-bad-hint = Applikationens utloggningsbegäran anger en annan applikation än den som står i dess ID-token. Gå tillbaka till applikationen. Kontakta applikationens administratör om problemet kvarstår.
oauth-logout-not-registered = Applikationen vill skicka dig vidare efter utloggningen till en adress som inte är registrerad för den, så du stannar här. Kontakta applikationens administratör.

## ”Det var inte jag”, från ett mejl om en ny enhet
secure-title = Skydda ditt konto
secure-not-you = Du har meddelat oss att det inte var du som loggade in på { $email }. Någon kan känna till ditt lösenord.
secure-what = När du skyddar ditt konto:
secure-signs-out = loggas alla sessioner ut, på alla enheter, även den här;
secure-removes-devices = tas dina betrodda enheter bort, så att varje inloggning kräver en kod;
secure-stops-password = slutar ditt lösenord att fungera, och vi mejlar dig en länk där du väljer ett nytt.
secure-button = Skydda mitt konto
secure-done-title = Ditt konto är skyddat
secure-done-text = Alla sessioner för ditt konto har loggats ut, dess betrodda enheter har tagits bort och det gamla lösenordet fungerar inte längre.
secure-done-email = Vi har mejlat dig en länk där du väljer ett nytt lösenord. Den fungerar en gång, inom 24 timmar. Din tvåstegsverifiering är fortfarande på.
secure-tell-administrator = Berätta för din administratör vad som har hänt.
secure-link-dead = Länken har gått ut eller har redan använts. Om du är orolig för en inloggning som du inte har gjort väljer du ”Glömt lösenordet?” på inloggningssidan och meddelar din administratör.
