# Datarum i kontrollpanelen (/admin/rooms).
rooms-title = Datarum
rooms-new-title = Skapa nytt datarum
rooms-create-button = Skapa datarum
rooms-none-yet = Inga datarum än.
rooms-name = Namn
rooms-enforced = Obligatorisk tvåstegsverifiering
rooms-address = Applikationsadress
rooms-on = På
rooms-off = Av
rooms-no-address = Ingen
rooms-edit = Redigera
rooms-back = Tillbaka till datarum
rooms-edit-settings = Redigera inställningar
rooms-edit-title = Redigera inställningar: { $room }
rooms-save = Spara
rooms-admins = Rumsadministratörer
rooms-no-admins = Inga
rooms-groups = Användargrupper
rooms-no-groups = Inga användargrupper än.
rooms-group = Grupp
rooms-members = Medlemmar
rooms-user-rights = Användarrättigheter
# Efter ”Användarrättigheter”, för skärmläsare.
rooms-of-group = för { $group }
rooms-new-group = Ny användargrupp
rooms-create-group = Skapa grupp
rooms-address-hint = Valfritt. Rummets egen applikation, så som medlemmarna öppnar den: hela adressen, som börjar med https:// (eller http://), till exempel https://docs.example.com/deal/. Inget användarnamn, lösenord eller #fragment. Medlemmar som klarar rummets steg skickas dit, och den omvända proxyn framför den frågar Twostep vem som får öppna den.
rooms-enable-enforced = Slå på obligatorisk tvåstegsverifiering
rooms-enforced-hint = Medlemmar som har ett telefonnummer för tvåstegsverifiering i det här rummet anger en kod som skickas till numret via sms innan rummet öppnas, en gång per session.
rooms-admins-hint = E-postadresser till befintliga konton, åtskilda med kommatecken. Rumsadministratörer hanterar rummet och får aldrig frågan om dess kod.
rooms-phone-title = Telefonnummer för tvåstegsverifiering
rooms-back-to-rights = Tillbaka till Användarrättigheter
rooms-phone-intro = { $name } ({ $email }) i { $room }. Numret är skilt från personens eget telefonnummer.
rooms-phone-hint = I fullständigt internationellt format, till exempel +46 70 123 45 67. Lämna fältet tomt för att genast ta bort kravet för den här medlemmen.

rooms-done-created = Datarummet har skapats.
rooms-done-saved = Inställningarna har sparats.
rooms-done-group = Användargruppen har skapats.
rooms-done-member = Medlemmen har lagts till.
rooms-done-phone = Telefonnumret för tvåstegsverifiering har sparats.
rooms-done-phone-cleared = Telefonnumret för tvåstegsverifiering har tagits bort.
rooms-done-removed = Medlemmen har tagits bort.
rooms-notice-no-code = { $name } behöver inte längre någon kod för { $room }.
rooms-notice-removed = { $name } har tagits bort från { $group }.

rooms-name-missing = Ange ett namn på datarummet.
rooms-name-too-long = Namnet får vara högst 120 tecken, på en rad.
rooms-admin-unknown = Inget konto har e-postadressen { $email }.
rooms-admins-unknown = En e-postadress i listan har inget konto.
rooms-group-name-invalid = Ange ett gruppnamn på högst 80 tecken, på en rad.
rooms-group-name-taken = Rummet har redan en grupp med det namnet.
rooms-member-email-missing = Ange e-postadressen till personen du vill lägga till.
rooms-member-email-invalid = Ange en giltig e-postadress, till exempel namn@example.com.

# Varför en angiven applikationsadress nekas.
rooms-address-not-an-address = Ange hela applikationsadressen, som börjar med https:// eller http://, till exempel https://docs.example.com/deal/.
rooms-address-not-web = Applikationsadressen måste börja med https:// eller http:// (en webbadress som rummets medlemmar öppnar i webbläsaren).
rooms-address-no-host = Applikationsadressen måste ange en värd, till exempel https://docs.example.com/.
rooms-address-too-long = Applikationsadressen får vara högst 2 000 tecken.
rooms-address-credentials = Applikationsadressen får inte innehålla användarnamn, lösenord eller #fragment.

# Ta bort en medlem ur en användargrupp i ett rum: frågan.
rooms-remove-title = Ta bort { $name } från { $group }?
rooms-remove-leaves = { $name } ({ $email }) lämnar användargruppen { $group } i { $room }.
# $groups: de andra gruppernas namn, åtskilda med kommatecken.
rooms-remove-stays = Personen stannar i { $room } genom { $groups } och behåller sitt telefonnummer för tvåstegsverifiering där.
rooms-remove-still-admin = Personen administrerar fortfarande { $room } och öppnar rummet som administratör.
rooms-remove-no-longer-opens = Personen kan inte längre öppna { $room }, varken här eller i applikationen: ett steg som personen redan har klarat i en session upphör att gälla.
rooms-remove-phone-cleared = Personens telefonnummer för tvåstegsverifiering i { $room }, { $phone }, tas bort.
rooms-remove-button = Ta bort medlem

# Applikationer (/admin/applications).
apps-title = Applikationer
apps-intro = Applikationer som låter Twostep logga in deras användare med OpenID Connect, i stället för att själva hantera lösenord och koder. Varje applikations inställningar innehåller dess klient-id, dess klienthemlighet (om den inte är publik) och Twosteps utfärdare:
apps-add = Lägg till applikation
apps-none-yet = Inga applikationer än.
apps-name = Namn
apps-client-id = Klient-id
apps-type = Typ
apps-require-two-step = Kräv tvåstegsverifiering
apps-data-room = Datarum
apps-public = Publik
apps-confidential = Konfidentiell
apps-on = På
apps-off = Av
apps-no-room = Inget
apps-edit = Redigera
apps-new-secret = Skapa ny hemlighet
# Efter ”Skapa ny hemlighet”, för skärmläsare.
apps-for-application = för { $name }
apps-delete = Ta bort
apps-issuer = Utfärdare (issuer)
apps-discovery = Discovery-URL
apps-back = Tillbaka till applikationer
apps-client-type = Klienttyp
apps-public-type = Publik: ingen hemlighet; den loggar in med PKCE
apps-confidential-type = Konfidentiell: den loggar in med sin klienthemlighet
apps-type-stays = Klienttypen och klient-id:t förblir som de är: lägg till applikationen igen för en annan typ.
apps-name-hint = Det namn som applikationen är känd under, till exempel CRM. Namnet visas i händelseloggen.
apps-redirect-uris = Omdirigerings-URI:er
apps-redirect-uris-hint = En per rad: adresserna i applikationen som tar emot inloggningen, exakt som applikationen skickar dem, med port och sökväg, till exempel https://crm.example.com/oidc/callback. De börjar med https:// (http:// bara för localhost och 127.0.0.1, under utveckling).
apps-post-logout-uris = Omdirigerings-URI:er efter utloggning
apps-post-logout-uris-hint = Valfritt. En per rad: vart applikationen får skicka personer efter att de loggat ut från Twostep via den.
apps-confidential-hint = En applikation med en server som kan hålla en hemlighet. Den får en klienthemlighet, som visas en gång.
apps-public-hint = En applikation som körs i webbläsaren eller på en telefon och inte kan hålla en hemlighet. Den har ingen och loggar in med PKCE.
apps-require-two-step-hint = Alla som loggar in i applikationen går igenom det andra steget i sin session, även när inget annat kräver det; den som saknar metod konfigurerar först en.
apps-room-hint = Valfritt. Kopplad till ett datarum loggar applikationen bara in rummets medlemmar och administratörer, och begär först rummets kod av de medlemmar som omfattas av kravet, precis som när rummet öppnas.
apps-save = Spara
apps-edit-title = Redigera { $name }
apps-added-title = { $name } har lagts till
apps-new-secret-title = Ny hemlighet för { $name }
apps-secret-once = Klienthemligheten visas bara en gång, på den här sidan. Kopiera den till applikationens inställningar nu: den kan inte visas igen. Om den försvinner skapar du en ny hemlighet.
apps-secret-once-renewed = Klienthemligheten visas bara en gång, på den här sidan. Kopiera den till applikationens inställningar nu: den kan inte visas igen, och den gamla hemligheten fungerar inte längre. Om den försvinner skapar du en ny hemlighet.
apps-no-secret = En publik applikation har ingen klienthemlighet: den loggar in med PKCE (S256).
apps-needs = Det här behöver { $name } i sina inställningar:
apps-client-secret = Klienthemlighet
apps-discovery-rest = De flesta applikationer läser resten från discovery-URL:en. Omdirigerings-URI:erna den skickar måste vara exakt de registrerade.
apps-done = Klar

apps-done-saved = Applikationen har sparats.
apps-done-deleted = Applikationen har tagits bort.
apps-notice-saved = { $name } har sparats.
apps-notice-deleted = { $name } har tagits bort.

apps-too-long = Ange högst 20 adresser, var och en på högst 2 000 tecken.
apps-choose-type = Välj klienttyp: Konfidentiell eller Publik.
apps-choose-room = Välj ett datarum i listan, eller Inget.
apps-room-gone = Datarummet finns inte längre. Välj ett annat, eller Inget.
apps-name-missing = Ange applikationens namn.
apps-name-too-long = Namnet får vara högst 100 tecken, på en rad.
apps-redirect-uri-missing = Ange minst en omdirigerings-URI: adressen i applikationen som tar emot inloggningen.
# Varför en angiven omdirigerings-URI inte godtas (domain/oidc.rs); { $address } är adressen som den skrevs.
apps-uri-not-an-address = ”{ $address }” är inte en fullständig adress. Ange den som applikationen anger den, till exempel https://crm.example.com/oidc/callback.
apps-uri-not-https = ”{ $address }” måste börja med https:// (http:// godtas bara för localhost och 127.0.0.1, under utveckling).
apps-uri-unsafe = ”{ $address }” får inte innehålla ett användarnamn, ett lösenord eller ett #fragment.
apps-uri-too-many = Ange högst { $max } adresser.
apps-refused-room-gone = Datarummet finns inte längre.
apps-public-no-secret = En publik applikation har ingen hemlighet: den loggar in med PKCE i stället.
rooms-not-yours = Datarum hanteras av plattformens administratörer och av varje rums egna administratörer.

# Skapa en ny hemlighet: frågan.
apps-renew-title = Skapa en ny hemlighet för { $name }?
apps-renew-stops = Den nuvarande hemligheten för { $name } slutar fungera direkt: { $name } kan inte logga in någon förrän den nya har lagts in i dess inställningar.
apps-renew-shown-once = Den nya hemligheten visas en gång, på nästa sida. Kopiera den till applikationens inställningar där.
# Ta bort en applikation: frågan.
apps-delete-title = Ta bort { $name }?
apps-delete-confidential = Ingen kan längre logga in i { $name } via Twostep: klient-id:t och hemligheten slutar fungera direkt, och likaså de koder och åtkomsttoken den har fått.
apps-delete-public = Ingen kan längre logga in i { $name } via Twostep: klient-id:t slutar fungera direkt, och likaså de koder och åtkomsttoken den har fått.
apps-delete-signed-in = Den som redan är inloggad i { $name } förblir inloggad där tills applikationens egen session tar slut.
apps-delete-final = Det går inte att ångra: läggs applikationen till igen får den ett nytt klient-id.
apps-delete-button = Ta bort applikation
