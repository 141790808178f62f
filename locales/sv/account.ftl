# Personens egna sidor: Mina säkerhetsinställningar, profilen, lösenordet,
# inloggningsmetoderna och hur de konfigureras (templates/account, web/account).

## Ord som flera sidor delar.
account-back = Tillbaka
account-continue = Fortsätt
account-save = Spara
account-done = Klar
account-verify = Verifiera
account-remove = Ta bort
# En knapps tillgängliga namn: ”Ta bort Jobbdatorn”.
account-remove-named = Ta bort { $name }
account-change = Ändra
account-password = Lösenord
account-phone-number = Telefonnummer
account-verification-code = Verifieringskod
account-send-code = Skicka kod
account-send-again = Skicka igen
account-too-many-passwords = För många felaktiga lösenord. Vänta 15 minuter och försök igen.
account-same-phone = Det här är redan ditt telefonnummer. Ange det nya numret.

## Inloggningsmetoderna, som sidorna kallar dem.
account-method-sms = Sms
account-method-app = Autentiseringsapp
account-method-passkey = Lösennyckel

## En webbläsare namngiven efter sin User-Agent: ”Firefox 133 på Linux”.
account-unknown-browser = Okänd webbläsare
account-browser-on-system = { $browser } på { $system }

## ”Förbli inloggad i” (de andra valen är timmarna och dagarna i main.ftl).
account-until-browser-closes = Tills jag stänger webbläsaren

## Mina säkerhetsinställningar (/account/security).
account-security-title = Mina säkerhetsinställningar
account-no-password-yet = Ditt konto har inget lösenord än: du loggar in med ditt telefonnummer och en kod. För tvåstegsverifiering och för inloggning med din e-postadress behövs också ett lösenord.
account-set-a-password = Välj ett lösenord
account-two-step = Tvåstegsverifiering
account-on = På
account-off = Av
account-only-password = Inloggningen kräver bara ditt lösenord.
account-turn-off = Stäng av
# Läses efter ”Stäng av” av skärmläsare: ”Stäng av tvåstegsverifiering”.
account-turn-off-hidden = tvåstegsverifiering
account-method = Metod
# Läses efter ”Ändra” av skärmläsare: ”Ändra metod”.
account-change-method-hidden = metod
# Läses efter ”Ändra” av skärmläsare: ”Ändra telefonnummer”.
account-change-phone-hidden = telefonnummer
account-recovery-codes = Återställningskoder
account-codes-left = { $count ->
    [one] { $count } kvar
   *[other] { $count } kvar
}
account-codes-low = Skapa nya så att du inte blir utelåst om du tappar bort din telefon.
account-codes-each = Med var och en kan du logga in en gång om du inte kan använda din telefon.
account-generate-new = Skapa nya
# Läses efter ”Skapa nya” av skärmläsare: ”Skapa nya återställningskoder”.
account-generate-new-hidden = återställningskoder
account-your-methods = Dina inloggningsmetoder
account-in-use = Används
# Bredvid ”Lösennyckel” i listan över inloggningsmetoder.
account-passkeys-under = { $count ->
    [one] { $count } lösennyckel, under Lösennycklar
   *[other] { $count } lösennycklar, under Lösennycklar
}
account-two-step-required = Tvåstegsverifiering krävs för ditt konto, så den kan inte stängas av.
account-two-step-offer = Skydda ditt konto med en kod från din telefon varje gång du loggar in.
account-required-by = Den krävs för ditt konto: konfigurera den senast { $date }.
account-required = Den krävs för ditt konto.
account-turn-on = Slå på tvåstegsverifiering
account-two-step-unavailable = Tvåstegsverifiering är inte tillgänglig på den här plattformen.
account-passkeys = Lösennycklar
account-passkeys-intro = Med en lösennyckel loggar du in med din telefon, datorns skärmlås, en lösenordshanterare eller en säkerhetsnyckel. Den fungerar bara på den här webbplatsen, så en förfalskad sida kan inte lura dig att lämna ut den.
account-no-passkeys = Du har inga lösennycklar.
account-added = Tillagd
account-last-used = Senast använd
account-synced = (synkad)
account-not-yet = Inte än
account-last-passkey-held = Din sista lösennyckel kan inte tas bort: din administratör kräver en lösennyckel för ditt konto.
account-last-passkey-required = Din sista lösennyckel kan inte tas bort så länge tvåstegsverifiering krävs för ditt konto.
account-add-passkey = Lägg till en lösennyckel
account-offer-title = Logga ut från alla andra sessioner?
account-offer-text = Du har ändrat hur du loggar in. Om du är inloggad på en enhet som du inte längre använder eller litar på, logga ut alla dina andra sessioner.
account-sign-out-others = Logga ut alla andra sessioner
account-stay-signed-in = Förbli inloggad
account-stay-signed-in-for = Förbli inloggad i
account-trusted-devices = Betrodda enheter
account-no-trusted-devices = Inga betrodda enheter. Kryssa i ”Lita på den här enheten” när du anger en kod för att slippa koder i den webbläsaren.
account-device = Enhet
account-ip-address = IP-adress
account-trusted-since = Betrodd sedan
account-expires = Upphör att gälla
account-this-device = (den här enheten)
account-until-removed = Tills den tas bort
account-remove-all = Ta bort alla
account-active-sessions = Aktiva sessioner
account-signed-in = Inloggad
account-last-active = Senast aktiv
account-this-session = (den här sessionen)
account-end-session = Avsluta session
# Det tillgängliga namnet för ”Avsluta session”: enheten och när den loggade in.
account-end-session-named = Avsluta sessionen { $device }
account-end-session-signed-in = Avsluta sessionen { $device }, inloggad { $date }
account-change-password = Byt lösenord
account-duration-by-administrator = Hur länge du förblir inloggad bestäms av din administratör.
account-choose-duration = Välj en av de tider som erbjuds.

## Välja metod (/account/security/two-step).
account-change-method = Byt metod
account-choose-method = Välj hur du vill få dina koder
account-passkey-required = Din administratör kräver en lösennyckel för ditt konto: den kan inte nätfiskas, eftersom den bara fungerar på den här webbplatsen.
account-add-one-now-or-later = Lägg till en nu, eller senare inom den tid som återstår.
account-add-one-to-continue = Lägg till en för att fortsätta.
account-two-step-required-set-up = Tvåstegsverifiering krävs för ditt konto.
account-set-up-now-or-later = Konfigurera den nu, eller senare inom den tid som återstår.
account-set-up-to-continue = Konfigurera den för att fortsätta.
account-how-verify = Hur vill du bekräfta att det är du?
account-how-get-codes = Hur vill du få dina inloggningskoder?
account-passkey-only-hint = Din telefon, datorns skärmlås, en lösenordshanterare eller en säkerhetsnyckel bekräftar att det är du.
account-sms-to = Sms till { $phone }
account-sms-saved-hint = Numret du verifierade tidigare.
account-sms-to-another = Sms till ett annat nummer
account-sms-in-use-hint = Används nu. En kod till det nya numret bekräftar det.
account-sms-hint = Vi skickar en 6-siffrig kod i ett sms till din mobiltelefon varje gång du loggar in.
account-new-app = En ny autentiseringsapp
account-app-in-use-hint = Används nu. En ny telefon eller app som du konfigurerar ersätter den du använder nu.
account-app-hint = En app i din telefon visar en ny kod var 30:e sekund, även offline.
account-another-passkey = Ytterligare en lösennyckel
account-passkey-in-use-hint = Används nu. Lägg till en på en annan enhet eller en säkerhetsnyckel.
account-passkey-hint = Din telefon, datorns skärmlås, en lösenordshanterare eller en säkerhetsnyckel: ingen kod att skriva, och en förfalskad sida kan inte lura dig att lämna ut den.
account-set-up-later = { $count ->
    [one] Konfigurera senare ({ $count } dag kvar)
   *[other] Konfigurera senare ({ $count } dagar kvar)
}
account-set-up-over = Tiden för att konfigurera tvåstegsverifiering är slut. Konfigurera den för att fortsätta.
account-choose-how = Välj hur du vill få dina koder.
account-not-offered = Tvåstegsverifiering är inte tillgänglig för ditt konto. Fråga din administratör om du behöver det.

## Sms: numret och dess kod (/account/security/sms).
account-change-phone = Byt telefonnummer
account-change-phone-intro = Ange ditt nya mobilnummer. Det ersätter det gamla när du anger koden vi skickar till det.
account-sms-phone-intro = Ange det mobilnummer som dina koder ska skickas till. Vi skickar en kod för att kontrollera det.
# Följs av exemplen i main.ftl: ”Ett mobilnummer, till exempel …”.
account-mobile-number = Ett mobilnummer,
account-profile-phone-cannot = Telefonnumret i din profil kan inte ta emot koder. { $problem }
account-enter-mobile = Ange ditt mobilnummer.
account-sms-code-sent = Vi har skickat en 6-siffrig kod i ett sms till { $phone }. Ange den för att bekräfta numret.
account-cannot-text-now = Vi kan inte skicka en kod till { $phone } just nu.
account-no-code-for = Ingen kod väntar för { $phone }. Välj ”Skicka igen” för att få en ny.
account-use-sms-title = Använda sms för dina koder?
account-use-sms-consequence = Inloggningskoderna skickas med sms till { $phone }, numret du verifierade tidigare.
account-app-stays = Din autentiseringsapp förblir konfigurerad: du kan använda den i stället när du loggar in, eller byta tillbaka.
account-use-sms-button = Använd sms

## Ta bort en metod, stänga av tvåstegsverifiering.
account-remove-app-title = Ta bort din autentiseringsapp?
account-app-no-longer = Du kommer inte längre att behöva ange någon kod från din autentiseringsapp, och appens nyckel raderas.
account-remove-sms-title = Ta bort sms?
account-no-more-texts-to = Vi slutar skicka inloggningskoder med sms till { $phone }.
account-no-more-texts = Vi slutar skicka inloggningskoder med sms.
account-remove-last-passkey-title = Ta bort din sista lösennyckel?
account-passkey-no-longer = Din lösennyckel kommer inte längre att efterfrågas när du loggar in.
account-texted-instead-to = Inloggningskoderna skickas med sms till { $phone } i stället.
account-texted-instead = Inloggningskoderna skickas till dig med sms i stället.
account-app-instead = Inloggningskoderna kommer i stället från din autentiseringsapp.
account-passkeys-instead = Dina lösennycklar efterfrågas i stället.
account-two-step-turns-off = Tvåstegsverifiering stängs av: inloggningen kräver bara ditt lösenord.
account-codes-will-stop = { $count ->
    [one] Din sista återställningskod slutar fungera.
   *[other] Dina { $count } återställningskoder slutar fungera.
}
account-method-in-use-required = Tvåstegsverifiering krävs för ditt konto, så metoden som används kan inte tas bort. Byt metod först.
account-only-password-after = Inloggningen kommer bara att kräva ditt lösenord.
account-passkeys-removed = Dina lösennycklar tas bort: de kan inte längre användas för att logga in.
account-devices-forgotten = Dina betrodda enheter tas bort.
account-turn-off-title = Stänga av tvåstegsverifiering?
account-turn-off-button = Stäng av tvåstegsverifiering

## Autentiseringsappen (/account/security/app).
account-app-title = Konfigurera din autentiseringsapp
account-app-open = Öppna en autentiseringsapp i din telefon, till exempel Google Authenticator, Microsoft Authenticator eller 1Password.
account-app-scan = Skanna den här QR-koden med den.
account-app-qr = QR-kod för din autentiseringsapp
account-app-cannot-scan = Går det inte att skanna? Ange den här konfigurationsnyckeln i appen i stället:
account-app-show-link = Visa konfigurationslänken
account-app-enter-code = Ange den 6-siffriga koden som appen visar.
account-too-many-codes = För många felaktiga koder. Vänta 15 minuter och försök igen.
account-app-code-wrong = Koden stämmer inte. Ange koden som appen visar nu, och kontrollera att telefonens klocka ställs in automatiskt.

## Återställningskoder.
account-codes-title = Spara dina återställningskoder
account-codes-intro = Om du tappar bort din telefon kan du logga in en gång med var och en av de här koderna. Spara dem på ett säkert ställe, till exempel i en lösenordshanterare eller på ett utskrivet papper.
account-codes-shown-once = De visas bara nu. Tidigare koder fungerar inte längre.
account-codes-download = Ladda ned (.txt)
account-codes-copy = Kopiera
account-codes-copied = Kopierat
account-codes-saved = Jag har sparat mina återställningskoder
account-codes-tick = Spara dina återställningskoder och kryssa sedan i ”Jag har sparat mina återställningskoder”.
account-no-codes-left = Du har inga återställningskoder kvar.
account-codes-stop-once-saved = { $count ->
    [one] Din sista återställningskod slutar fungera när du sparar de nya.
   *[other] Dina { $count } återställningskoder slutar fungera när du sparar de nya.
}
account-regenerate-title = Skapa nya återställningskoder?
account-regenerate-ten = Du får se 10 nya koder att skriva ut eller ladda ned. Med var och en kan du logga in en gång.
account-regenerate-button = Skapa nya återställningskoder
# Den nedladdade filen (recovery-codes.txt): första raden, sedan två rader med råd.
account-codes-file-title = { $app }: återställningskoder för { $email }
account-codes-file-advice = Med varje kod kan du logga in en gång om du inte kan använda din telefon eller app.
account-codes-file-keep = Förvara dem på ett säkert ställe.

## Lösennycklar (/account/security/passkeys).
account-passkey-new-intro = Med en lösennyckel loggar du in med din telefon, datorns skärmlås, en lösenordshanterare eller en säkerhetsnyckel i stället för med en kod. Den fungerar bara på den här webbplatsen, så en förfalskad sida kan inte lura dig att lämna ut den.
account-passkey-name = Namn
account-passkey-name-hint = Så att du kan skilja dina lösennycklar åt, till exempel ”Jobbdatorn” eller ”Blå säkerhetsnyckel”.
account-create-passkey = Skapa lösennyckel
account-passkeys-need-script = Lösennycklar kräver JavaScript: slå på det för den här webbplatsen, eller använd ett annat sätt.
account-passkey-name-empty = Ange ett namn för lösennyckeln, till exempel ”Jobbdatorn” eller ”Blå säkerhetsnyckel”.
account-passkey-name-long = Ange ett namn på högst 60 tecken.
account-passkey-name-lines = Skriv namnet på en rad, utan specialtecken.
account-passkeys-unavailable = Lösennycklar kan inte användas här: portalen nås via en IP-adress, och webbläsare skapar bara lösennycklar för webbplatser som nås via ett namn. Fråga din administratör.
account-too-many-passkeys = { $count ->
    [one] Du har { $count } lösennyckel, det högsta antalet du kan ha. Ta bort den för att lägga till en ny.
   *[other] Du har { $count } lösennycklar, det högsta antalet du kan ha. Ta bort en som du inte längre använder för att lägga till en ny.
}
account-passkey-not-created = Ingen lösennyckel skapades. Välj ”Skapa lösennyckel” och följ webbläsarens steg; lösennycklar kräver JavaScript.
account-passkey-already-registered = Den här lösennyckeln är redan registrerad. Använd en annan enhet eller säkerhetsnyckel.
# Sägs av static/passkey.js på sidan, från formulärets data-attribut.
account-passkey-unsupported = Den här webbläsaren kan inte använda lösennycklar. Använd ett annat sätt nedan, eller en annan webbläsare.
account-passkey-script-not-created = Ingen lösennyckel skapades. Försök igen, eller använd ett annat sätt nedan.
account-passkey-script-registered = Den här lösennyckeln är redan registrerad för ditt konto.
account-remove-passkey-title = Ta bort lösennyckeln ”{ $name }”?
account-remove-passkey-consequence = Lösennyckeln ”{ $name }” kan inte längre användas för att logga in.
account-last-passkey-consequence = Det är din sista lösennyckel: din andra inloggningsmetod efterfrågas i stället, om du har en; annars stängs tvåstegsverifiering av.
account-last-passkey-stays = Din administratör kräver en lösennyckel för ditt konto, så din sista lösennyckel kan inte tas bort. Lägg först till ytterligare en lösennyckel.
account-last-passkey-two-step = Tvåstegsverifiering krävs för ditt konto, så din sista lösennyckel kan inte tas bort. Konfigurera en annan metod först.

## Bekräfta ditt lösenord (/account/confirm).
account-confirm-title = Bekräfta ditt lösenord
account-confirm-intro = Av säkerhetsskäl behöver du ange ditt lösenord igen innan du gör den här ändringen. Du får inte frågan igen inom 10 minuter.
# { $link } är en länk med orden i account-set-a-password.
account-confirm-no-password = Ditt konto har inget lösenord än. { $link } först, med en kod som vi skickar med sms till din telefon.
account-confirm = Bekräfta
account-enter-password = Ange ditt lösenord.
account-password-wrong = Lösenordet stämmer inte.

## Byt lösenord (/account/password).
account-current-password = Nuvarande lösenord
account-new-password = Nytt lösenord
account-new-password-hint = Minst 8 tecken. Dina andra sessioner loggas ut.
account-enter-current-password = Ange ditt nuvarande lösenord.
account-choose-new-password = Välj ett nytt lösenord.
account-current-password-wrong = Ditt nuvarande lösenord stämmer inte.

## Ett första lösenord, för ett konto skapat med ett telefonnummer (/account/security/password).
account-first-password-title = Välj ditt lösenord
account-first-password-intro = Från och med nu behöver du också ange det här lösenordet när du loggar in med telefonnummer, om tvåstegsverifiering gäller för ditt konto. Dina andra sessioner loggas ut.
account-first-password-hint = Minst 8 tecken, svårt att gissa.
account-set-password = Spara lösenordet
account-choose-password = Välj ett lösenord.
account-first-password-code-sent = Vi har skickat en 6-siffrig kod i ett sms till { $phone }. Ange den och välj sedan ditt lösenord.
account-first-password-code-intro = Ditt konto har inget lösenord än: du loggar in med ditt telefonnummer och en kod. För tvåstegsverifiering och för inloggning med din e-postadress behövs också ett lösenord. För att vara säkra på att det är du skickar vi först en kod med sms till { $phone }.
account-no-verified-phone = Ditt konto har inget verifierat telefonnummer att skicka en kod till. Be din administratör om en länk för att välja lösenord.
account-has-password = Ditt konto har redan ett lösenord. Ändra det under ”Byt lösenord” i stället.
account-code-first = Ange först koden vi skickar med sms till din telefon: börja om från ”Välj ett lösenord” under Mina säkerhetsinställningar.

## Din profil (/account/profile).
account-profile-title = Din profil
account-name = Namn
account-email = E-post
account-email-not-confirmed = (inte bekräftad än: öppna länken som vi har mejlat dig)
account-phone-not-verified = (inte verifierat)
account-no-phone = Inget
account-phone-ask-administrator = Be din administratör att ändra ditt telefonnummer.
# { $link } är en länk med orden i account-security-title.
account-phone-on-security = Dina inloggningskoder skickas till det här numret, så det ändras under { $link }.
account-language-hint = Sidor, mejl och sms visas och skickas på det här språket, på alla enheter där du loggar in.
account-choose-language = Välj ett av de språk som erbjuds.
account-profile-phone-title = Byt ditt telefonnummer
account-profile-phone-intro = Ange ditt nya mobilnummer. Vi skickar en kod till det med sms: numret sparas när du har angett koden.
account-back-to-profile = Tillbaka till din profil
account-ask-administrator = Du kan inte ändra ditt telefonnummer här. Be din administratör att ändra det.
account-codes-go-to-phone = Dina inloggningskoder skickas till ditt telefonnummer: ändra det under Mina säkerhetsinställningar.
account-enter-new-phone = Ange ditt nya telefonnummer.
account-phone-invalid = Det här är inte ett giltigt telefonnummer. Kontrollera landsnumret och siffrorna.
account-profile-code-sent = Vi har skickat en 6-siffrig kod i ett sms till { $phone }. Ange den för att spara det nya numret.
account-verify-new-phone = Verifiera ditt nya telefonnummer
account-no-code-waiting = Ingen kod väntar för ett nytt telefonnummer. Ange det nya numret först.
