# De öppna sidorna: registrering, lösenordslänkarna, inbjudningar, den första administratören,
# startsidan, inträdet i ett datarum och felsidorna.

## Fälten för ett nytt konto.
public-field-name = Namn
public-field-email = E-post
public-field-password = Lösenord
public-password-hint = Minst 8 tecken. Några ord som inte hör ihop ger ett starkt lösenord.
public-password-hint-short = Minst 8 tecken, svårt att gissa.
public-choose-password = Välj ett lösenord.
public-email-taken = Det finns redan ett konto med den här e-postadressen.
public-email-missing = Ange din e-postadress.
public-email-invalid = Ange en e-postadress som namn@example.com.
public-name-missing = Ange ditt namn.
public-name-too-long = Använd högst { $max } tecken för ditt namn.
public-name-unshowable = Ditt namn innehåller tecken som inte kan visas.

## Reglerna för ett nytt lösenord, och varför zxcvbn tycker att det är lätt att gissa.
public-password-too-short = { $count ->
    [one] Använd minst { $count } tecken.
   *[other] Använd minst { $count } tecken.
}
public-password-too-long = { $count ->
    [one] Använd högst { $count } tecken.
   *[other] Använd högst { $count } tecken.
}
# { $reason } är en av meningarna nedan.
public-password-too-guessable = Lösenordet är för lätt att gissa. { $reason }
public-password-weak-default = Lägg till fler ord eller tecken som inte är vanliga.
public-password-weak-straight-rows = Tangenter i en rak rad är lätta att gissa.
public-password-weak-keyboard-patterns = Korta mönster på tangentbordet är lätta att gissa.
public-password-weak-repeats = Upprepningar som ”aaa” är lätta att gissa.
public-password-weak-repeated-groups = Upprepningar som ”abcabcabc” är bara lite svårare att gissa än ”abc”.
public-password-weak-top-10 = Det här är ett av de 10 vanligaste lösenorden.
public-password-weak-top-100 = Det här är ett av de 100 vanligaste lösenorden.
public-password-weak-common = Det här är ett mycket vanligt lösenord.
public-password-weak-similar = Det här liknar ett vanligt lösenord.
public-password-weak-sequences = Följder som abc eller 6543 är lätta att gissa.
public-password-weak-recent-years = Årtal från de senaste åren är lätta att gissa.
public-password-weak-single-word = Ett ensamt ord är lätt att gissa.
public-password-weak-dates = Datum är ofta lätta att gissa.
public-password-weak-names = Ett förnamn eller efternamn ensamt är lätt att gissa.
public-password-weak-common-names = Vanliga förnamn och efternamn är lätta att gissa.
public-password-tip-few-words = Använd några ord och undvik vanliga fraser.
public-password-tip-no-symbols-needed = Du behöver inga symboler, siffror eller versaler.
public-password-tip-another-word = Lägg till ett eller två ord till. Ovanliga ord är bättre.
public-password-tip-capitals = Stor begynnelsebokstav hjälper inte särskilt mycket.
public-password-tip-all-capitals = Bara versaler är nästan lika lätt att gissa som bara gemener.
public-password-tip-reversed = Baklänges stavade ord är inte mycket svårare att gissa.
public-password-tip-substitutions = Förutsägbara utbyten som ”@” i stället för ”a” hjälper inte särskilt mycket.
public-password-tip-longer-pattern = Använd ett längre mönster på tangentbordet med fler svängar.
public-password-tip-repeats = Undvik upprepade ord och tecken.
public-password-tip-sequences = Undvik följder.
public-password-tip-recent-years = Undvik årtal från de senaste åren.
public-password-tip-your-years = Undvik årtal som kan kopplas till dig.
public-password-tip-your-dates = Undvik datum och årtal som kan kopplas till dig.

## Skapa konto.
public-register-title = Skapa konto
public-register-button = Skapa konto
public-register-with-phone = Registrera dig med telefonnummer
public-have-account = Har du redan ett konto?
public-sign-in = Logga in
public-registration-closed = Du kan inte skapa ett konto här själv. Be din administratör om ett.
public-too-many-accounts = För många konton har skapats från ditt nätverk. Vänta 15 minuter och försök igen.
public-check-email-title = Kolla din e-post
public-check-email-sent = Vi har skickat ett mejl till { $address }. Öppna länken i mejlet för att slutföra registreringen. Länken gäller i 24 timmar.
public-check-email-sent-unknown = Vi har skickat ett mejl till adressen du angav. Öppna länken i mejlet för att slutföra registreringen. Länken gäller i 24 timmar.
public-check-email-again = Om mejlet inte har kommit inom några minuter, titta i skräpposten eller { $link } för att få en ny länk.
public-check-email-again-link = skapa ditt konto igen
public-confirm-title = Bekräfta din e-postadress
public-confirm-intro-password = Ange lösenordet du valde när du skapade kontot för att bekräfta adressen och börja använda den. Du loggas in.
public-confirm-intro = Bekräfta adressen för att börja använda ditt konto. Du loggas in.
public-confirm-button = Bekräfta e-postadressen
public-confirm-link-dead = Länken har gått ut eller har redan använts. Skapa ditt konto igen för att få en ny, eller logga in om du redan har bekräftat det.
public-confirm-throttled = För många felaktiga lösenord. Vänta 15 minuter och försök igen.
public-confirm-password-wrong = Ange lösenordet du valde när du skapade kontot. Om du skapade det flera gånger fungerar vilket som helst av de lösenorden; om du har glömt det, skapa kontot igen.

## Registrera dig med telefonnummer.
public-register-phone-intro = Ange ditt mobilnummer. Vi skickar en kod i ett sms för att bekräfta att numret är ditt; sedan anger du ditt namn och din e-postadress.
public-register-with-email = Registrera dig med e-post och lösenord
public-have-account-sign-in = Har du redan ett konto? Logga in
public-code-sent-to = Vi har skickat en 6-siffrig kod i ett sms till { $phone }.
public-send-again = Skicka igen
public-enter-code-title = Ange din verifieringskod
public-no-phone-registration = Ingen registrering med telefonnummer pågår, eller så tog den mer än 10 minuter. Börja om från ”Registrera dig med telefonnummer”.
public-details-title = Ditt namn och din e-postadress
public-details-intro = Ditt telefonnummer { $phone } är verifierat. Ange ditt namn och din e-postadress för att slutföra registreringen. Vi mejlar en länk för att bekräfta adressen; under tiden kan du logga in med ditt telefonnummer.
public-no-verified-phone = Verifiera först ditt telefonnummer med en kod och ange sedan ditt namn och din e-postadress. Börja om från ”Registrera dig med telefonnummer”.

## Sidan ”Telefonnummer”.
public-phone-label = Telefonnummer
public-phone-hint = Ett mobilnummer, { $example }.
public-send-code = Skicka kod
public-phone-empty = Ange ditt telefonnummer.
public-phone-invalid = Det här är inget giltigt telefonnummer. Kontrollera landsnumret och siffrorna.

## ”Glömt lösenordet?” och ”Välj ditt lösenord”.
public-forgot-title = Glömt lösenordet?
public-forgot-intro = Ange e-postadressen du loggar in med. Vi skickar en länk där du väljer ett nytt lösenord.
public-forgot-button = Skicka återställningslänk
public-back-to-sign-in = Tillbaka till inloggningen
public-forgot-email-empty = Ange e-postadressen du loggar in med.
public-forgot-sent = Om det finns ett konto med adressen { $address } har vi skickat ett mejl dit med en länk där du kan välja ett nytt lösenord. Länken fungerar en gång och gäller i 30 minuter.
public-forgot-sent-unknown = Om det finns ett konto med adressen du angav har vi skickat ett mejl dit med en länk där du kan välja ett nytt lösenord. Länken fungerar en gång och gäller i 30 minuter.
public-forgot-two-step = Om du använder tvåstegsverifiering är den fortfarande på: även med ett nytt lösenord loggar du in med ditt andra steg.
public-forgot-no-email = Inget mejl? Titta i skräpposten eller fråga din administratör.
public-forgot-throttled = Det har begärts för många återställningslänkar. Vänta en timme och försök igen, eller fråga din administratör.
public-password-link-dead = Länken har gått ut eller har redan använts. Be om en ny med ”Glömt lösenordet?” på inloggningssidan, eller fråga din administratör.
public-password-link-no-phone = Länken kräver också en kod som skickas i ett sms till kontots telefonnummer, men kontot har inget telefonnummer just nu. Fråga din administratör.
public-set-title = Välj ditt lösenord
public-set-intro = Välj lösenordet för { $email }. Sedan loggar du in med det.
public-set-unconfirmed = Adressen är inte bekräftad än, så vi skickar också en kod i ett sms till kontots telefonnummer, { $phone }: ange den tillsammans med ditt nya lösenord. När du gör båda bekräftas adressen.
public-set-code-label = Kod från sms:et
public-set-code-hint = Den 6-siffriga koden vi skickade i ett sms till { $phone }. Den fungerar i 10 minuter.
public-new-password = Nytt lösenord
public-set-button = Spara lösenordet
public-text-me-code = Skicka en kod i ett sms

## En inbjudan till ett datarum.
public-join-title = Gå med i { $room }
public-invited-as = Du har bjudits in som { $email }. Välj ditt namn och ett lösenord för att skapa ditt konto.
public-invitation-dead = Inbjudan har gått ut eller har redan använts. Be datarummets administratör om en ny.

## Den första administratören.
public-setup-title = Skapa den första administratören
public-setup-intro = Länken fungerar en gång. Kontot du skapar här administrerar { $app }.
public-setup-button = Skapa administratören
public-setup-link-invalid = Installationslänken har redan använts eller gäller inte längre. Logga in, eller be en administratör om ett konto.

## Startsidan.
public-home-title = Hej { $name }
public-home-reminder-title = Slå på tvåstegsverifiering
public-home-turn-on-now = Slå på nu
public-home-not-now = Inte nu
public-home-signed-in-to = Du är inloggad i { $app }.
public-home-my-rooms = Mina datarum
public-home-code-asked = Kräver kod
public-home-open-this-session = Öppet under den här sessionen
public-home-manage-rooms = Hantera mina datarum
public-home-security = Mina säkerhetsinställningar
public-home-change-password = Byt lösenord

## Inträdet i ett datarum.
public-room-open = Datarummet är öppet för dig under resten av den här sessionen.
public-room-own-application = { $room } finns i en egen applikation, på en annan adress.
public-room-open-button = Öppna { $room }
public-back-to-rooms = Tillbaka till mina datarum
public-room-code-title = Ange rummets kod
public-room-managed-not-entered = Du hanterar det här datarummet som plattformens administratör, men att hantera ett rum ger inte tillgång till det: bara rummets medlemmar och dess egna administratörer kommer in. Om du vill komma in lägger du till dig själv i någon av rummets användargrupper under Användarrättigheter, eller utser dig själv till en av rummets administratörer i dess inställningar.
public-room-code-waiting = { $room } kräver en kod innan det öppnas. Vi har skickat en 6-siffrig kod i ett sms till { $phone }.
public-room-cannot-text = { $room } kräver en kod innan det öppnas. Vi kan inte skicka en kod till { $phone } just nu.
public-room-no-code = { $room } kräver en kod innan det öppnas. Ingen kod väntar för { $phone }. Välj ”Skicka igen” för att få en ny.
public-room-chosen-by-anyone = En administratör har valt det här numret åt dig i { $room }. Om det är fel, be din administratör att ändra det.
public-room-chosen-by-one = { $admin }, rummets administratör, har valt det här numret åt dig i { $room }. Om det är fel, be hen att ändra det.
public-room-chosen-by-many = Rummets administratörer, { $admins } och { $last }, har valt det här numret åt dig i { $room }. Om det är fel, be någon av dem att ändra det.

## Menyn ”Språk”.
public-language-unknown = Välj ett av språken som erbjuds.

## Felsidorna.
error-page-start = Gå till startsidan
error-page-400-title = Begäran kunde inte läsas
error-page-400 = Begäran kunde inte läsas. Gå tillbaka, kontrollera det du angav och försök igen.
error-page-403-title = Du kan inte göra det här
error-page-403 = Det här är inte tillåtet för ditt konto.
error-page-404-title = Sidan hittades inte
error-page-404 = Det finns ingen sida på den här adressen. Kontrollera den, eller gå till startsidan.
error-page-405-title = Sidan kan inte användas på det sättet
error-page-405 = Gå tillbaka och använd sidans egna länkar och knappar.
error-page-409-title = Ändringen kan inte göras
error-page-409 = Ändringen går inte ihop med hur det ser ut nu. Gå tillbaka, ladda om sidan och försök igen.
error-page-410-title = Länken har gått ut
error-page-410 = Länken har gått ut eller har redan använts. Be om en ny.
error-page-413-title = För mycket data
error-page-413 = Det du skickade är för stort. Korta ner det och försök igen.
error-page-415-title = Formuläret kunde inte läsas
error-page-415 = Formuläret skickades i ett format som sidan inte tar emot.
error-page-429-title = För många försök
error-page-429 = Vänta några minuter och försök igen.
error-page-503-title = Inte tillgänglig
error-page-503 = Tjänsten är inte tillgänglig. Försök igen om en stund.
error-page-key-missing = Portalen kan inte läsa det den har sparat: det förseglades med den hemliga nyckeln { $key }, som portalen inte längre har. Dess driftansvariga måste lägga till nyckeln i TWOSTEP_SECRET_KEY_PREVIOUS.
error-page-4xx-title = Begäran kunde inte slutföras
error-page-4xx = Gå tillbaka och försök igen.
error-page-500-title = Något gick fel
error-page-500 = Ett oväntat fel uppstod hos oss. Försök igen om en stund.
error-page-bad-text = Formuläret innehåller tecken som inte kan användas. Gå tillbaka, kontrollera det du angav och försök igen.
error-page-form-expired = Formuläret har gått ut eller skickades inte från den här webbplatsen. Gå tillbaka, ladda om sidan och försök igen.
# En adress eller ett formulär som sidan inte kan läsa.
error-page-bad-address = Adressen har fel format.
error-page-bad-form = Formuläret kunde inte läsas. Gå tillbaka, kontrollera det du angav och försök igen.
