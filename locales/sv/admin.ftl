# Kontrollpanelen (/admin): översikt, användare, grupper, säkerhetsinställningar.

# Navigeringen och ord som sidorna delar.
admin-nav-overview = Översikt
admin-nav-security = Säkerhetsinställningar
admin-users = Användare
admin-groups = Grupper
admin-nav-rooms = Datarum
admin-nav-applications = Applikationer
admin-nav-audit = Händelselogg
admin-only = Kontrollpanelen är bara för administratörer.
admin-two-step = Tvåstegsverifiering
admin-on = På
admin-off = Av
admin-never = Aldrig
admin-none = Inga
admin-none-sentence = Inga.
admin-search = Sök
admin-save = Spara
admin-save-and-require = Spara och kräv tvåstegsverifiering
admin-done = Klar
admin-edit = Ändra
admin-remove = Ta bort
admin-previous = Föregående
admin-next = Nästa
admin-back-to = Tillbaka till { $name }
admin-back-to-users = Tillbaka till användarna
admin-back-to-groups = Tillbaka till grupperna
admin-back-to-rights = Tillbaka till Användarrättigheter
admin-add-user = Lägg till användare
admin-add-member = Lägg till medlem
admin-add-member-email = Lägg till en medlem (e-postadress)
admin-group = Grupp
admin-role-administrator = Administratör
admin-role-user = Användare
admin-method-sms = Sms
admin-method-app = Autentiseringsapp
admin-method-passkey = Lösennyckel
admin-temporary-code = Tillfällig åtkomstkod
admin-issue-temporary-code = Utfärda en tillfällig åtkomstkod
admin-the-command-line = kommandoraden
admin-search-too-long = Sök med högst { $max } tecken.
admin-choose-groups = Välj grupper i listan.
admin-preview-who = Vilka de är, i användarlistan
# Mellan siffergrupperna i stora tal: 1 234 (hårt mellanslag).
admin-thousands-separator = { "\u00A0" }
# En lista med två eller fler: ”a, b och c”. { $items } är alla utom den sista, med komma emellan.
admin-list-and = { $items } och { $last }
# En andel i hela procent: ”40 %”.
admin-percent = { $percent }{ "\u00A0" }%

# Tabellernas kolumner.
admin-column-name = Namn
admin-column-email = E-postadress
admin-column-phone = Telefonnummer
admin-column-role = Roll
admin-column-last-sign-in = Senaste inloggning
admin-column-set-up-by = Konfigureras senast
admin-column-country-code = Landsnummer
admin-column-texts-today = Sms i dag
admin-column-codes-sent = Skickade koder
admin-column-codes-entered = Angivna koder
admin-column-conversion = Andel angivna
admin-column-device = Enhet
admin-column-ip = IP-adress
admin-column-trusted-since = Betrodd sedan
admin-column-last-used = Senast använd
admin-column-signed-in = Inloggad
admin-column-last-active = Senast aktiv

# Ändringar som nekas.
admin-refused-last-admin = Det här är den sista administratören: gör någon annan till administratör först.
admin-refused-yourself = Du kan inte inaktivera ditt eget konto. En annan administratör kan göra det.
admin-refused-phone-in-use = Användarens inloggningskoder skickas till det här numret. Användaren kan ändra det under Mina säkerhetsinställningar, eller så återställer du först användarens tvåstegsverifiering.
admin-refused-name-taken = Det finns redan en grupp med det här namnet.
admin-refused-no-such-email = Inget konto har den här e-postadressen.
admin-refused-email-taken = Det finns redan ett konto med den här e-postadressen.
admin-refused-room-admin = Tvåstegsverifiering kan inte krävas av datarummets administratörer; de kan själva slå på sin tvåstegsverifiering.

# Översikten.
admin-overview-adoption-title = Användning av tvåstegsverifiering
# { $percent } är ”40 %” i fetstil.
admin-overview-key-figure = { $percent } av användarna använder tvåstegsverifiering
admin-overview-chart-caption = Användare med tvåstegsverifiering på, per metod
admin-overview-all-users = Alla användare
admin-overview-bar-on = { $percent }{ "\u00A0" }% på
admin-overview-bar-detail = ({ $on } av { $total })
admin-overview-table-caption = Användare per metod för tvåstegsverifiering
admin-overview-column-total = Totalt
admin-overview-column-sms = Sms
admin-overview-column-app = App
admin-owing-title = Användare som ännu inte har konfigurerat
admin-owing-none = Alla som måste använda tvåstegsverifiering har konfigurerat den.
# { $number } är antalet utskrivet (”1 234”), i fetstil.
admin-owing-count = { $count ->
    [one] { $number } användare måste använda tvåstegsverifiering och har inte konfigurerat den.
   *[other] { $number } användare måste använda tvåstegsverifiering och har inte konfigurerat den.
}
admin-owing-first = De första { $count }:
admin-owing-next-sign-in = Vid nästa inloggning
admin-owing-all = { $count ->
    [one] Användaren som ännu inte har konfigurerat, i användarlistan
   *[other] Alla { $number } användare som ännu inte har konfigurerat, i användarlistan
}
admin-sms-title = Sms som skickats i dag
# { $settings } är en länk till säkerhetsinställningarna.
admin-sms-paused = Sms till nya nummer är pausade för i dag: hela den dagliga sms-budgeten på { $budget } är förbrukad. Koder till verifierade nummer skickas fortfarande. Sms till nya nummer skickas igen från midnatt (UTC); du kan höja budgeten under { $settings }.
admin-sms-warned = 80 % av dagens sms-budget är förbrukad: { $spent } av { $budget } sms till nya nummer.
admin-sms-alerted = Administratörerna fick e-post kl. { $time }.
admin-sms-pause-at = Vid { $budget } pausas sms till nya nummer till midnatt (UTC).
# { $number } är { $count } i fetstil.
admin-sms-today = { $count ->
    [one] { $number } sms sedan midnatt (UTC): { $new } till nya nummer (nummer som inget konto har verifierat: registrering, inloggning med telefon, konfigurering, ett byte) och { $verified } till verifierade nummer (inloggning, steg i datarum).
   *[other] { $number } sms sedan midnatt (UTC): { $new } till nya nummer (nummer som inget konto har verifierat: registrering, inloggning med telefon, konfigurering, ett byte) och { $verified } till verifierade nummer (inloggning, steg i datarum).
}
admin-sms-budget = Daglig budget för sms till nya nummer: { $spent } av { $budget } förbrukade.
admin-sms-by-country-caption = Sms i dag per landsnummer
admin-country-unknown = Okänt
admin-conversion-title = Angivna koder, senaste 7 dagarna
# { $countries }: ”+46, +47”; { $settings } är en länk till säkerhetsinställningarna.
admin-conversion-low = Koder som skickas till { $countries } anges sällan: under hälften av den vanliga andelen i de andra länderna. Många koder som ingen anger är ett typiskt tecken på sms-pumpning; överväg att sänka gränsen per landsnummer eller att ta bort landet från länderna som sms skickas till, under { $settings }.
admin-conversion-none = Inga sms de senaste 7 dagarna.
admin-conversion-caption = Skickade och angivna koder de senaste 7 dagarna per landsnummer
admin-conversion-far-below = Långt under de andra
admin-events-title = Senaste säkerhetshändelser
admin-events-all = Hela händelseloggen

# Användarlistan. { $more } är ”yes” när det finns fler än { $number } (listan slutar räkna).
admin-users-search = Sök användare
admin-users-search-hint = Ord i ett namn i valfri ordning, början av en e-postadress eller dess domän (@example.com), eller ett telefonnummer.
admin-filter-any = Alla
admin-filter-must = Har ännu inte konfigurerat
admin-filter-admins-only = Bara administratörer
admin-filter-accounts = Konton
admin-filter-all = Alla
admin-filter-enabled = Aktiverat
admin-filter-disabled = Inaktiverat
admin-users-none = Inga användare matchar.
admin-users-pages = Sidor med användare
admin-users-count = { $more ->
    [yes] Fler än { $number } användare
   *[no] { $count ->
        [one] { $number } användare
       *[other] { $number } användare
    }
}
admin-users-match-search = { $more ->
    [yes] Fler än { $number } användare matchar ”{ $search }”
   *[no] { $count ->
        [one] { $number } användare matchar ”{ $search }”
       *[other] { $number } användare matchar ”{ $search }”
    }
}
admin-users-must = { $more ->
    [yes] Fler än { $number } användare har ännu inte konfigurerat
   *[no] { $count ->
        [one] { $number } användare har ännu inte konfigurerat
       *[other] { $number } användare har ännu inte konfigurerat
    }
}
admin-users-match-filters = { $more ->
    [yes] Fler än { $number } användare matchar filtren
   *[no] { $count ->
        [one] { $number } användare matchar filtren
       *[other] { $number } användare matchar filtren
    }
}
admin-users-choose-filter = Välj ett filter för tvåstegsverifiering i listan.
admin-users-choose-group = Välj en grupp i listan.
admin-users-choose-accounts = Välj konton i listan.

# En användares sida.
admin-requirement-not-offered = Erbjuds inte den här användaren.
admin-requirement-optional = Frivillig för den här användaren.
admin-requirement-grace = Krävs (med en respitperiod) för den här användaren.
admin-requirement-required = Krävs för den här användaren.
admin-user-recovery-codes = Återställningskoder
admin-user-codes-left = { $count } kvar
admin-user-codes-none-left = Inga kvar
admin-user-account = Konto
admin-user-groups = Grupper
admin-user-phone-locked = Inloggningskoderna för { $name } skickas till det här numret, så bara { $name } kan ändra det, med en kod till det nya numret, under Mina säkerhetsinställningar.
# { $link } är en länk: admin-user-phone-lost-link.
admin-user-phone-lost = Om telefonen har försvunnit kan du { $link }: när användaren har loggat in ändrar hen numret själv.
admin-user-phone-lost-link = utfärda en tillfällig åtkomstkod
# { $link } är en länk: admin-user-phone-reset-link.
admin-user-phone-reset = Eller { $link }; sedan kan du ange ett nummer här.
admin-user-phone-reset-link = återställ användarens tvåstegsverifiering
admin-user-phone-hint = Med landsnumret, till exempel +46 70 123 45 67. Lämna fältet tomt för att ta bort numret.
admin-user-phone-verified = Användaren har verifierat numret med en kod.
admin-user-save-phone = Spara telefonnummer
admin-user-actions = Åtgärder för kontot
admin-reset = Återställ tvåstegsverifiering
admin-user-password-link = Skicka en länk för att välja lösenord
admin-sign-out-everywhere = Logga ut överallt
admin-enable-account = Aktivera kontot
admin-disable-account = Inaktivera kontot
admin-make-admin = Gör till administratör
admin-remove-admin = Ta bort som administratör
admin-user-last-admin-me = Du är den enda administratören, så din roll kan inte tas bort. Gör någon annan till administratör först.
admin-user-last-admin = { $name } är den enda administratören, så rollen kan inte tas bort och kontot kan inte inaktiveras. Gör någon annan till administratör först.
# { $issued } och { $until } är datum.
admin-user-temporary-code = En kod som utfärdades av { $by } den { $issued } gäller en gång, till { $until }.
admin-user-temporary-code-none = Ingen. För den som har tappat bort både telefonen och återställningskoderna: en kod som du läser upp och som personen kan logga in med en gång, tillsammans med lösenordet.
admin-user-temporary-code-disabled = Kontot är inaktiverat: det går inte att logga in med någon kod.
admin-user-temporary-code-no-two-step = { $name } har ingen tvåstegsverifiering: lösenordet räcker för att logga in.
admin-user-devices = Betrodda enheter
admin-user-sessions = Aktiva sessioner
admin-done-reset = Tvåstegsverifieringen återställdes. Användaren loggades ut överallt och fick e-post om det.
admin-done-signed-out = Användaren loggades ut överallt.
admin-done-disabled = Kontot inaktiverades och loggades ut överallt.
admin-done-enabled = Kontot aktiverades.
admin-done-admin = Användaren är nu administratör.
admin-done-not-admin = Användaren är inte längre administratör.
admin-done-phone = Telefonnumret sparades.
admin-done-added = Användaren lades till. Vi har mejlat en länk för att välja lösenord: den fungerar en gång och gäller i 72 timmar.
admin-done-password-link = Vi har mejlat användaren en länk för att välja lösenord: den fungerar en gång och gäller i 72 timmar. Tidigare länkar slutade fungera.

# Bekräftelsesidor. { $who } är ”Namn (e-postadress)”.
admin-reset-question = Återställa tvåstegsverifieringen för { $name }?
admin-reset-no-longer-sms = { $who } kommer inte längre att logga in med koder som skickas i sms.
admin-reset-no-longer-app = { $who } kommer inte längre att logga in med sin autentiseringsapp.
admin-reset-no-longer-passkey = { $who } kommer inte längre att logga in med sina lösennycklar.
admin-reset-no-method = { $who } har ingen metod för tvåstegsverifiering konfigurerad.
admin-reset-removed = Tas bort: { $list }.
admin-reset-removed-app = autentiseringsappens nyckel
admin-reset-removed-phone = telefonen som inloggningsmetod
admin-reset-removed-codes = { $count ->
    [one] { $count } återställningskod
   *[other] { $count } återställningskoder
}
admin-reset-removed-devices = { $count ->
    [one] { $count } betrodd enhet
   *[other] { $count } betrodda enheter
}
admin-reset-sessions-end = Alla sessioner avslutas, även inloggningar som pågår.
admin-reset-required-again = Tvåstegsverifiering krävs av användaren: hen konfigurerar den igen vid nästa inloggning.
admin-reset-emailed = Användaren får e-post om att du har återställt den.
admin-sign-out-question = Logga ut { $name } överallt?
admin-sign-out-sessions = Alla sessioner för { $who } avslutas direkt, även inloggningar som pågår.
admin-sign-out-again = Användaren loggar in igen med sitt lösenord och sitt andra steg.
admin-disable-question = Inaktivera kontot för { $name }?
admin-disable-no-sign-in = { $who } kan inte längre logga in.
admin-disable-sessions = Alla sessioner avslutas direkt.
admin-disable-emailed = Användaren får e-post om att en administratör har inaktiverat kontot.
admin-enable-question = Aktivera kontot för { $name }?
admin-enable-sign-in = { $who } kan logga in igen, med sitt lösenord och sitt andra steg.
admin-make-admin-question = Göra { $name } till administratör?
admin-make-admin-can = { $who } kan öppna kontrollpanelen: ändra säkerhetsinställningarna, återställa, inaktivera och logga ut användare, och göra andra till administratörer.
admin-make-admin-set-up = Om tvåstegsverifiering krävs av administratörer konfigurerar hen den vid nästa inloggning.
admin-remove-admin-question = Ta bort { $name } som administratör?
admin-remove-admin-cannot = { $who } kan inte längre öppna kontrollpanelen.
admin-password-link-question = Skicka en länk för att välja lösenord till { $name }?
admin-password-link-emailed = { $count ->
    [one] En länk skickas till { $email } och till ingen annan: den fungerar en gång, i { $count } timme, och låter den som öppnar den välja kontots lösenord.
   *[other] En länk skickas till { $email } och till ingen annan: den fungerar en gång, i { $count } timmar, och låter den som öppnar den välja kontots lösenord.
}
admin-password-link-earlier = Tidigare länkar slutar fungera.
admin-password-link-two-step = Tvåstegsverifieringen förblir som den är.
admin-password-link-button = Skicka länken

# Lägga till en användare.
admin-new-user-intro = Du ger inte personen något lösenord: vi skickar en länk för att välja ett. Länken fungerar en gång, i 3 dagar.
admin-new-user-email-hint = Adressen som personen loggar in med. Länken för att välja lösenord skickas dit.
admin-new-user-phone = Telefonnummer (valfritt)
# Följs av ett exempel på ett telefonnummer.
admin-new-user-phone-hint = Personens mobilnummer, för sms med inloggningskoder:
admin-new-user-admin-hint = Personen kan öppna kontrollpanelen och ändra alla konton.

# Tillfälliga åtkomstkoder.
admin-code-title = Tillfällig åtkomstkod för { $name }
admin-code-question = Utfärda en tillfällig åtkomstkod till { $name }?
admin-code-shown-once = Koden visas bara en gång. Läs upp den för { $name } nu, i telefon eller personligen: aldrig via e-post eller chatt.
# { $date } är när koden slutar fungera.
admin-code-use = Tillsammans med lösenordet kan personen logga in med den en gång i stället för med en verifieringskod, fram till { $date }. Efter 5 felaktiga försök slutar den fungera. När personen har loggat in konfigurerar hen en ny telefon eller app under Mina säkerhetsinställningar.
admin-code-make-sure = Se till att det verkligen är { $name } som frågar: ring upp på ett nummer som du redan känner till, eller träffas.
admin-code-shown-to-you = Koden visas för dig en gång, så att du kan läsa upp den. Tillsammans med lösenordet kan personen logga in med den en gång, i stället för med en verifieringskod. Inget stängs av.
admin-code-earlier-stops = Koden som utfärdades tidigare slutar fungera.
admin-code-emailed = { $name } får e-post om att en kod har utfärdats, utan koden.
admin-code-valid-for = Giltig i
admin-code-issue = Utfärda kod
admin-code-choose-validity = Välj 1 timme, 8 timmar eller 24 timmar.
admin-code-refused-disabled = Kontot är inaktiverat: det går inte att logga in med någon kod. Aktivera kontot först.
admin-code-refused-no-two-step = Kontot har ingen tvåstegsverifiering: lösenordet räcker för att logga in, så en tillfällig åtkomstkod har inget att ersätta.

# Grupper.
admin-groups-none = Inga grupper ännu.
admin-group-members = Medlemmar
admin-group-rule = Tvåstegsverifiering för medlemmar
admin-groups-grace = { $count ->
    [one] (respitperiod { $count } dag)
   *[other] (respitperiod { $count } dagar)
}
admin-groups-create-title = Skapa en grupp
admin-group-name = Gruppens namn
admin-groups-create = Skapa grupp
admin-group-allowed = Tillåten
admin-group-allowed-hint = Medlemmarna följer plattformens inställning under Säkerhetsinställningar.
admin-group-not-available = Inte tillgänglig
admin-group-not-available-hint = Medlemmarna kan inte slå på den, om inte något annat kräver den av dem. De som redan använder den får behålla den.
admin-group-required = Krävs
admin-group-required-hint = Medlemmarna måste konfigurera den och kan inte stänga av den. Inställningen går före Inte tillgänglig i en annan grupp.
admin-group-methods = Metoder som medlemmarna får använda
admin-group-any-method = Alla metoder
admin-group-any-method-hint = Lösennycklar, sms eller en autentiseringsapp.
admin-group-passkeys-only = Bara lösennycklar
admin-group-passkeys-only-hint = Medlemmar som använder eller måste använda tvåstegsverifiering lägger till en lösennyckel vid nästa inloggning (efter respitperioden) och kan inte ta bort den sista; sedan verifierar de bara med en lösennyckel. Lösennycklar kan inte nätfiskas.
admin-group-grace = Respitperiod (dagar)
admin-group-grace-hint = För Krävs eller Bara lösennycklar: dagar som medlemmarna har på sig att konfigurera, räknat från när det först gäller dem. Tomt eller 0: vid nästa inloggning.
admin-group-preview = { $count ->
    [one] Att kräva tvåstegsverifiering av den här gruppen innebär att { $count } medlem måste konfigurera den vid nästa inloggning.
   *[other] Att kräva tvåstegsverifiering av den här gruppen innebär att { $count } medlemmar måste konfigurera den vid nästa inloggning.
}
admin-group-preview-grace = { $count ->
    [one] Att kräva tvåstegsverifiering av den här gruppen innebär att { $count } medlem måste konfigurera den inom respitperioden.
   *[other] Att kräva tvåstegsverifiering av den här gruppen innebär att { $count } medlemmar måste konfigurera den inom respitperioden.
}
admin-preview-no-phone = { $count ->
    [one] { $count } av dem har inget telefonnummer som kan ta emot koder (inget på kontot, eller ett utanför de tillåtna sms-länderna).
   *[other] { $count } av dem har inget telefonnummer som kan ta emot koder (inget på kontot, eller ett utanför de tillåtna sms-länderna).
}
admin-group-member-count = { $count ->
    [one] { $count } medlem.
   *[other] { $count } medlemmar.
}
admin-group-search = Sök medlemmar
admin-group-search-hint = Början av en e-postadress eller av ett ord i ett namn, eller ett telefonnummer.
admin-group-no-members = Inga medlemmar ännu.
admin-group-no-match = Inga medlemmar matchar.
admin-remove-from = Ta bort { $name } från { $group }
admin-group-next-members = Nästa medlemmar
admin-group-manage = Byt namn eller ta bort
admin-group-rename = Byt namn
admin-group-delete = Ta bort gruppen
admin-group-done-created = Gruppen skapades.
admin-group-done-renamed = Gruppen bytte namn.
admin-group-done-rule = Regeln för medlemmarna sparades.
admin-group-done-added = Medlemmen lades till.
admin-group-done-removed = Medlemmen togs bort.
admin-group-member-added = { $name } lades till.
admin-group-member-already = { $name } är redan medlem.
admin-group-member-removed = { $name } togs bort.
admin-group-name-missing = Ange ett namn på gruppen.
admin-group-name-too-long = Gruppens namn får ha högst { $max } tecken, på en rad.
admin-group-choose-rule = Välj Tillåten, Inte tillgänglig eller Krävs.
admin-group-grace-invalid = Ange respitperioden som ett helt antal dagar från 0 till { $max }, eller lämna fältet tomt.
admin-group-choose-methods = Välj Alla metoder eller Bara lösennycklar.
admin-group-member-email-missing = Ange e-postadressen till personen som ska läggas till.
# En ändring av en grupps regel, i händelseloggen.
admin-rule-change-two-step = Tvåstegsverifiering för medlemmar: { $before } → { $after }
admin-rule-change-methods = metoder: { $before } → { $after }
admin-rule-change-grace = respitperiod: { $before } → { $after }

# Ett datarums Användarrättigheter.
admin-rights = Användarrättigheter
admin-rights-room = Datarum
admin-rights-group = Användargrupp
admin-rights-show = Visa
admin-rights-no-members = Inga medlemmar i den här gruppen ännu.
admin-rights-caption = Medlemmar i { $group }
admin-rights-phone = Telefonnummer för tvåstegsverifiering
admin-rights-no-phone = Inget
# Efter ”Ändra”, för skärmläsare.
admin-rights-edit-hidden = telefonnumret för tvåstegsverifiering för { $name }
# Efter ”Ta bort”, för skärmläsare.
admin-rights-remove-hidden = { $name } från { $group }
admin-rights-no-groups = Det här rummet har inga användargrupper ännu.
admin-rights-create-one = Skapa en
admin-invitation-title = Inbjudan skickad
admin-invitation-sent = Vi skickade en inbjudan till { $email }.
admin-invitation-explained = { $count ->
    [one] Inget konto har adressen { $email }. Med inbjudan kan den som läser den inkorgen skapa sitt konto och gå med i { $room }. Länken fungerar en gång, i { $count } dag, och bara den personen får den. Om den försvinner lägger du till adressen igen: en ny inbjudan ersätter den gamla.
   *[other] Inget konto har adressen { $email }. Med inbjudan kan den som läser den inkorgen skapa sitt konto och gå med i { $room }. Länken fungerar en gång, i { $count } dagar, och bara den personen får den. Om den försvinner lägger du till adressen igen: en ny inbjudan ersätter den gamla.
}

# Säkerhetsinställningar: inställningarnas namn (också i meddelandet efter att du sparat, och i händelseloggen).
admin-setting-required-everyone = Krävs av alla
admin-setting-require-for-admins = Kräv tvåstegsverifiering av administratörer
admin-setting-admins-use-passkeys = Administratörer måste använda lösennycklar
admin-setting-default-language = Standardspråk
admin-setting-new-device-alerts = Skicka e-post till användare när de loggar in från en ny enhet
admin-setting-trusted-devices = Betrodda enheter upphör att gälla
admin-setting-users-choose-session = Låt användarna välja hur länge sessionen varar
admin-setting-max-session = Längsta session som användarna kan välja
admin-setting-inactivity = Logga ut efter inaktivitet
admin-setting-reminder = Visa en påminnelse för användare som inte har slagit på tvåstegsverifiering
admin-setting-open-registration = Låt besökare skapa egna konton
admin-setting-app-name = Appens namn
admin-setting-sms-countries = Tillåtna sms-länder
admin-setting-default-country = Standardland för telefonnummer
admin-setting-phone-sign-in = Tillåt registrering och inloggning med telefonnummer
admin-setting-users-edit-profile = Användarna kan ändra sin profil
admin-setting-sms-daily-budget = Daglig sms-budget
admin-setting-sms-per-number = Sms per dag och nummer
admin-setting-sms-per-address = Sms per dag och klientadress
admin-setting-sms-per-network = Sms per dag och nätverk
admin-setting-sms-per-country = Sms per dag och landsnummer
admin-setting-after-days = { $count ->
    [one] Efter { $count } dag
   *[other] Efter { $count } dagar
}
# Alla sms-länder är tillåtna.
admin-setting-all = Alla
# Inget standardland, ingen respitperiod.
admin-setting-none = ingen
# En sparad ändring: ”Betrodda enheter upphör att gälla: Efter 30 dagar → Aldrig”.
admin-setting-change = { $setting }: { $before } → { $after }
admin-settings-saved = Sparat.
admin-settings-nothing-changed = Inget ändrades.
admin-settings-optional = Frivillig
admin-settings-off-hint = Ingen erbjuds den (administratörer erbjuds den ändå när den krävs av dem).
admin-settings-optional-hint = Användarna väljer själva.
admin-settings-required-hint = Alla konfigurerar den vid nästa inloggning.
admin-settings-require-for-admins-hint = Administratörer konfigurerar den vid nästa inloggning och kan inte stänga av den. Frågas inte när den krävs av alla.
admin-settings-admins-use-passkeys-hint = Administratörer som använder eller måste använda tvåstegsverifiering lägger till en lösennyckel vid nästa inloggning och kan inte ta bort den sista; sedan verifierar de bara med en lösennyckel, som inte kan nätfiskas.
admin-settings-default-language-hint = För personer vars webbläsare inte ber om något av de erbjudna språken och som inte har valt något.
admin-settings-new-device-alerts-hint = En inloggning från en webbläsare som kontot inte har använt tidigare meddelas kontots ägare via mejl, med ”Det var inte jag” för att avsluta alla sessioner och välja ett nytt lösenord. Om ett lösenord används utan att det andra steget slutförs skickas alltid ett mejl.
admin-settings-reminder-hint = Bara när den är frivillig. Varje gång användare utan den öppnar { $app }, tills de slår på den eller väljer ”Inte nu” för sessionen, läser de:
admin-settings-sessions-title = Sessioner och enheter
admin-settings-accounts-title = Konton och registrering
admin-settings-open-registration-hint = Av: bara administratörer lägger till användare, och sidan Skapa konto är stängd.
admin-settings-phone-sign-in-hint = Personer registrerar sig och loggar in med en kod som skickas i sms till deras telefon. Den som måste använda tvåstegsverifiering anger också sitt lösenord eller en kod från autentiseringsappen.
admin-settings-users-edit-profile-hint = Av: bara administratörer ändrar en användares telefonnummer, under Användare.
admin-settings-name-title = Appens namn
admin-settings-app-name-hint = I varje sidas titel, i e-postmeddelandena och i sms:en med koderna.
admin-settings-sms-title = Sms och gränser
admin-settings-sms-countries-hint = Landskoder med två bokstäver, åtskilda med komma, till exempel SE, NO. Tomt: alla länder.
admin-settings-default-country-hint = En landskod med två bokstäver, till exempel SE: nummer från det landet kan skrivas utan landsnummer (070 123 45 67). Tomt: det enda tillåtna sms-landet när det bara finns ett, annars börjar alla nummer med landsnumret.
admin-settings-limits-legend = Sms till nummer som inget konto har verifierat
admin-settings-limits-hint = Registrering, inloggning med telefon till ett nytt nummer, konfigurering eller byte av nummer: de sms som sms-pumpning utnyttjar. Varje gräns räknar ett dygn i UTC. Inloggningskoder till ett verifierat nummer räknas aldrig och skickas alltid.
admin-settings-sms-daily-budget-hint = För hela plattformen. Vid 80 % får administratörerna e-post; vid 100 % stoppas dessa sms till nästa dag.
admin-settings-sms-per-network-hint = Ett nätverk är /24 av en IPv4-adress och /48 av en IPv6-adress.
admin-settings-preview = { $count ->
    [one] Att kräva tvåstegsverifiering av alla innebär att { $count } användare måste konfigurera den vid nästa inloggning, innan något annat.
   *[other] Att kräva tvåstegsverifiering av alla innebär att { $count } användare måste konfigurera den vid nästa inloggning, innan något annat.
}
admin-settings-preview-no-phone = { $count ->
    [one] { $count } av dem har inget telefonnummer som kan ta emot koder (inget på kontot, eller ett utanför de tillåtna sms-länderna): de behöver en autentiseringsapp eller ett telefonnummer.
   *[other] { $count } av dem har inget telefonnummer som kan ta emot koder (inget på kontot, eller ett utanför de tillåtna sms-länderna): de behöver en autentiseringsapp eller ett telefonnummer.
}
admin-settings-choose-two-step = Välj om tvåstegsverifiering är av, frivillig eller krävs.
admin-settings-choose-trusted = Välj när betrodda enheter upphör att gälla.
admin-settings-choose-session = Välj den längsta sessionen i listan.
admin-settings-choose-inactivity = Välj i listan när användare ska loggas ut efter inaktivitet.
admin-settings-app-name-missing = Ange appens namn.
admin-settings-app-name-too-long = Appens namn får ha högst { $max } tecken, på en rad.
admin-settings-countries-invalid = Ange landskoder med två bokstäver, åtskilda med komma, till exempel SE, NO, eller lämna fältet tomt för att tillåta alla länder.
admin-settings-country-invalid = Ange en landskod med två bokstäver, till exempel SE, eller lämna fältet tomt.
admin-settings-choose-language = Välj ett av de erbjudna språken.
admin-settings-budget-invalid = Ange den dagliga sms-budgeten som ett heltal från 0 till { $max }.
admin-settings-per-number-invalid = Ange sms per dag och nummer som ett heltal från 0 till { $max }.
admin-settings-per-address-invalid = Ange sms per dag och klientadress som ett heltal från 0 till { $max }.
admin-settings-per-network-invalid = Ange sms per dag och nätverk som ett heltal från 0 till { $max }.
admin-settings-per-country-invalid = Ange sms per dag och landsnummer som ett heltal från 0 till { $max }.
