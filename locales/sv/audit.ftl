# Händelseloggen (/admin/audit) och händelsetabellerna i kontrollpanelen.
audit-title = Händelselogg
audit-user = Användare (e-postadress)
audit-user-hint = Söker du på en adress som inget konto har visas inloggningsförsöken med den.
audit-event = Händelse
audit-all-events = Alla händelser
audit-from = Från (ÅÅÅÅ-MM-DD)
audit-until = Till (ÅÅÅÅ-MM-DD)
audit-filter = Filtrera
audit-unknown-address = Inget konto har adressen { $address }: det här är inloggningsförsöken med den.
audit-download = Ladda ned (CSV)
audit-none = Inga händelser matchar.
audit-older = Äldre händelser
audit-no-account = { $address } (inget konto)
audit-choose-event = Välj en händelse i listan.
audit-from-invalid = Ange det första datumet som ÅÅÅÅ-MM-DD.
audit-until-invalid = Ange det sista datumet som ÅÅÅÅ-MM-DD.
audit-until-before-from = Det sista datumet måste vara samma som eller efter det första.
audit-bad-page-link = Sidlänken är felaktig. Börja om från första sidan.
audit-events-caption = Säkerhetshändelser
audit-column-time = Tid
audit-column-event = Händelse
audit-column-by = Utförd av
audit-column-user = Användare
audit-column-ip = IP-adress
audit-column-detail = Detaljer

# Grupperna i händelsefiltret.
audit-group-sign-in = Inloggning
audit-group-two-step = Tvåstegsverifiering
audit-group-administration = Administration
audit-group-rooms = Datarum
audit-group-text-messages = Sms

# Vad varje slags händelse heter.
event-user-registered = Registrerad
event-user-registered-by-phone = Registrerad med telefonnummer
event-user-registered-again = Försök att registrera sig med en adress som redan används
event-email-confirmed = E-postadress bekräftad
event-sign-in-succeeded = Inloggad
event-sign-in-failed = Inloggning misslyckades
event-sign-in-throttled = Inloggning spärrad efter för många försök
event-sign-in-unconfirmed = Inloggning väntar på bekräftad e-postadress
event-sign-in-code-required = Rätt lösenord, kod begärd
event-sign-in-trusted-device = Inloggad på en betrodd enhet
event-sign-in-phone-code-requested = Kod för inloggning med telefonnummer begärd
event-sign-in-phone-succeeded = Inloggad med telefonnummer
event-sign-in-phone-failed = Inloggning med telefonnummer misslyckades
event-sign-in-phone-second-factor-required = Rätt telefonkod, lösenord begärt
event-sign-out = Utloggad
event-reauth-succeeded = Lösenord bekräftat
event-reauth-failed = Lösenordsbekräftelse misslyckades
event-password-changed = Lösenord ändrat
event-password-change-failed = Lösenordsbyte misslyckades
event-password-reset-requested = Länk för att återställa lösenordet skickad
event-password-set = Lösenord valt
event-session-ended = Session avslutad
event-session-others-ended = Andra sessioner avslutade
event-session-duration-changed = Sessionslängd ändrad
event-user-profile-phone-changed = Telefonnummer i profilen ändrat
event-two-step-enabled = Tvåstegsverifiering påslagen
event-two-step-disabled = Tvåstegsverifiering avstängd
event-two-step-method-changed = Metod för tvåstegsverifiering ändrad
event-two-step-factor-removed = Metod för tvåstegsverifiering borttagen
event-phone-changed = Telefonnummer för koder ändrat
event-code-verified = Sms-koden var rätt
event-code-failed = Sms-koden var fel
event-code-locked = Sms-koden spärrad efter felaktiga försök
event-totp-verified = Koden från autentiseringsappen var rätt
event-totp-failed = Koden från autentiseringsappen var fel
event-totp-replay-refused = Kod från autentiseringsappen använd två gånger
event-recovery-codes-generated = Återställningskoder skapade
event-recovery-codes-replaced = Återställningskoder ersatta
event-recovery-code-used = Återställningskod använd
event-recovery-code-failed = Återställningskoden var fel
event-temporary-code-issued = Tillfällig åtkomstkod utfärdad
event-temporary-code-used = Tillfällig åtkomstkod använd
event-temporary-code-failed = Den tillfälliga åtkomstkoden var fel
event-sign-in-help-requested = Bad administratörerna om hjälp
event-account-secured = Kontot säkrat efter ”Det var inte jag”
event-device-trusted = Enhet betrodd
event-device-removed = Betrodd enhet borttagen
event-admin-created = Administratörskonto skapat
event-user-created-cli = Konto skapat från kommandoraden
event-user-added-by-admin = Användare tillagd
event-password-link-made = Lösenordslänk skapad
event-platform-settings-changed = Säkerhetsinställningar ändrade
event-two-step-reset = Tvåstegsverifiering återställd
event-account-disabled = Konto inaktiverat
event-account-enabled = Konto aktiverat
event-admin-granted = Gjord till administratör
event-admin-revoked = Inte längre administratör
event-session-all-ended = Utloggad av en administratör
event-phone-set-by-admin = Telefonnummer angivet av en administratör
event-user-name-changed-by-admin = Namnet ändrat av en administratör
event-group-created = Grupp skapad
event-group-renamed = Grupp omdöpt
event-group-deleted = Grupp borttagen
event-group-rule-changed = Gruppens tvåstegsverifiering ändrad
event-group-member-added = Tillagd i en grupp
event-group-member-removed = Borttagen ur en grupp
event-email-given-up = E-post kunde inte levereras
event-application-added = Applikation tillagd
event-application-changed = Applikation ändrad
event-application-secret-renewed = Applikationens hemlighet förnyad
event-application-deleted = Applikation borttagen
event-application-signed-in = Inloggad i en applikation
event-passkey-refused = Lösennyckel inte godkänd
event-passkey-counter-refused = Lösennyckel nekad som möjlig kopia
event-passkey-added = Lösennyckel tillagd
event-passkey-removed = Lösennyckel borttagen
event-room-created = Datarum skapat
event-room-edited = Datarummets inställningar ändrade
event-room-enforcement-on = Obligatorisk tvåstegsverifiering på
event-room-enforcement-off = Obligatorisk tvåstegsverifiering av
event-room-group-created = Användargrupp i rummet skapad
event-room-member-added = Tillagd i en användargrupp i ett rum
event-room-member-removed = Borttagen ur en användargrupp i ett rum
event-room-invitation-made = Inbjuden till ett rum
event-room-invitation-accepted = Inbjudan till ett rum accepterad
event-room-phone-set = Telefonnummer för rummet angivet
event-room-phone-cleared = Telefonnummer för rummet borttaget
event-room-step-passed = Rumskoden var rätt
event-room-step-failed = Rumskoden var fel
event-room-step-locked = Rumskoden spärrad efter felaktiga försök
event-sms-sent = Sms skickat
event-sms-send-failed = Sms avvisat av leverantören
event-sms-send-refused = Sms stoppat av en gräns

# Varje sparad detalj som en mening.
audit-command-line = Från kommandoraden.
audit-and-command-line = { $sentence } Från kommandoraden.
audit-say-setup-link = Med installationslänken.
audit-say-with-password = Med lösenordet.
audit-say-with-password-sms = Med lösenordet och en kod via sms.
audit-say-with-password-app = Med lösenordet och en kod från autentiseringsappen.
audit-say-with-password-recovery = Med lösenordet och en återställningskod.
audit-say-with-password-passkey = Med lösenordet och en lösennyckel.
audit-say-with-password-temporary = Med lösenordet och en tillfällig åtkomstkod.
audit-say-with-passkey-alone = Med enbart en lösennyckel, med dess pinkod eller biometri.
audit-say-with-phone-code = Med en kod via sms till telefonnumret.
audit-say-with-phone-registration = Med koden som skickades för registrering med telefonnumret.
audit-say-with-phone-code-password = Med en kod till telefonnumret och lösenordet.
audit-say-with-phone-code-app = Med en kod till telefonnumret och en kod från autentiseringsappen.
audit-say-wrong-password = Fel lösenord.
audit-say-no-account = Inget konto har den angivna e-postadressen.
audit-say-right-password-disabled = Lösenordet var rätt, men kontot är inaktiverat.
audit-say-wrong-password-confirming = Fel lösenord vid bekräftelse av e-postadressen.
audit-say-throttled = För många felaktiga lösenord: nekad utan kontroll.
audit-say-throttled-no-account = För många försök: nekad utan kontroll. Inget konto har den angivna e-postadressen.
audit-say-next-sms = En kod via sms begärs härnäst.
audit-say-next-app = En kod från autentiseringsappen begärs härnäst.
audit-say-next-passkey = En lösennyckel begärs härnäst.
audit-say-trusted-device-sign-in = Med lösenordet; ingen kod begärdes på den här betrodda enheten.
audit-say-unconfirmed = E-postadressen är inte bekräftad än.
audit-say-current-password-wrong = Det nuvarande lösenordet var fel.
audit-say-reset-emailed = En länk för att välja ett nytt lösenord mejlades.
audit-say-reset-emailed-unconfirmed = En länk för att välja ett nytt lösenord mejlades till adressen som väntar på bekräftelse.
audit-say-password-set-link = Med en engångslänk.
audit-say-password-set-first = Ett första lösenord, efter en kod till det verifierade telefonnumret.
audit-say-password-set-link-and-code = Med en engångslänk och en kod till det verifierade telefonnumret.
audit-say-registered-again = Någon registrerade sig med den här adressen igen; ägaren fick ett mejl.
audit-say-other-sessions-ended = { $count ->
    [one] 1 annan session avslutades.
   *[other] { $count } andra sessioner avslutades.
}
audit-say-until-browser-closes = Förblir inloggad tills webbläsaren stängs.
audit-say-stays-signed-in = Förblir inloggad i { $duration }.
audit-say-profile-phone = Telefonnumret i profilen är nu { $phone }.
audit-say-registered-phone = Med telefonnumret { $phone }.
audit-say-phone-code-sent = För { $phone }, ett kontos nummer: en kod skickades.
audit-say-phone-code-register = För { $phone }, som inget konto har: en kod för registrering skickades.
audit-say-phone-code-nothing-sent = För { $phone }, som inget konto har: inget skickades.
audit-say-phone-wrong-code-or-password = Fel kod eller lösenord.
audit-say-phone-wrong-code-or-number = Fel kod, eller ett nummer som inget konto har.
audit-say-password-next = Kontot använder tvåstegsverifiering: lösenordet begärs härnäst.
audit-say-with-sms = Med sms.
audit-say-with-sms-to = Med sms till { $phone }.
audit-say-with-app = Med en autentiseringsapp.
audit-say-with-passkey = Med en lösennyckel.
# $words: hur metoden sparades, på engelska (”text messages to +46 ••• ••• 67”).
audit-say-with-words = Med: { $words }.
audit-say-now-sms = Nu med sms.
audit-say-now-sms-to = Nu med sms till { $phone }.
audit-say-now-app = Nu med en autentiseringsapp.
audit-say-now-passkey = Nu med en lösennyckel.
audit-say-now-words = Nu med: { $words }.
audit-say-removed-sms = Koder via sms togs bort.
audit-say-removed-app = Autentiseringsappen togs bort.
audit-say-removed-passkey = Den sista lösennyckeln togs bort.
audit-say-two-step-off = Metoderna, återställningskoderna och de betrodda enheterna togs bort.
audit-say-codes-go-to = Koder skickas nu till { $phone }.
# $purpose: ett av audit-purpose-…-meddelandena (efter ”för”).
audit-say-for = För { $purpose }.
audit-say-code-for = En kod för { $purpose }.
# $reason: ett av audit-limit-…-meddelandena.
audit-say-code-held-back = En kod för { $purpose }: { $reason }.
audit-say-setting-up-app = Vid konfiguration av autentiseringsappen.
audit-say-while-signing-in = Vid inloggning.
audit-say-code-replayed = En kod som redan använts angavs igen.
audit-say-recovery-codes-left = { $count ->
    [one] 1 återställningskod kvar.
   *[other] { $count } återställningskoder kvar.
}
audit-say-codes-replaced = De tidigare koderna fungerar inte längre.
audit-say-device = { $device }.
audit-say-all-devices = Alla betrodda enheter ({ $count }).
audit-say-two-step-reset = Alla metoder, återställningskoder, betrodda enheter och sessioner togs bort.
audit-say-sessions-ended = { $count ->
    [one] 1 session avslutades.
   *[other] { $count } sessioner avslutades.
}
audit-say-as-administrator = Som administratör.
audit-say-password-link = En engångslänk för att välja ett lösenord.
audit-say-group = Gruppen { $group }.
audit-say-group-renamed = Från { $before } till { $after }.
audit-say-to-group = Till gruppen { $group }.
audit-say-from-group = Från gruppen { $group }.
audit-say-email-given-up = Försöken att skicka ett mejl till { $address } avbröts efter upprepade fel: { $error }.
audit-say-application = Applikationen { $application }.
audit-say-signed-in-to = Inloggad i { $application }.
audit-say-passkey = Lösennyckeln { $name }.
audit-say-passkey-copied = Lösennyckeln { $name } svarade med en signaturräknare som inte gick framåt: den kan ha kopierats.
audit-say-passkey-stale = Svaret gällde en begäran som redan besvarats eller var äldre än 5 minuter.
audit-say-passkey-not-an-answer = Det webbläsaren skickade var inte ett svar från en lösennyckel.
audit-say-passkey-unknown = Lösennyckeln är inte registrerad här.
audit-say-passkey-other-handle = Lösennyckeln angav ett annat konto.
audit-say-passkey-other-account = Lösennyckeln tillhör ett annat konto.
audit-say-passkey-not-verified = Svaret kunde inte verifieras (en annan webbplats, en felaktig signatur, eller ingen pinkod eller biometri där det krävs).
audit-say-passkey-twice = Samma svar från lösennyckeln skickades två gånger samtidigt.
audit-say-passkey-account-disabled = Kontot är inaktiverat.
audit-say-valid-for = Giltig i { $duration }.
audit-say-temporary-code-used = Inloggad med den; den fungerar inte längre.
audit-say-temporary-code-ended = Fem felaktiga försök: koden fungerar inte längre.
audit-say-account-secured = Lösenordet fungerar inte längre; { $sessions ->
    [one] 1 session avslutades
   *[other] { $sessions } sessioner avslutades
}, { $devices ->
    [one] 1 betrodd enhet togs bort
   *[other] { $devices } betrodda enheter togs bort
}; en länk för att välja ett nytt mejlades.
audit-say-help-requested = Har tappat bort telefonen: administratörerna fick ett mejl med en länk till kontot.
audit-say-provider-refused = Leverantören nekade: { $reason } (fel { $code }).
audit-say-provider-unavailable = Det gick inte att nå leverantören, eller så uppstod ett fel där; inget skickades.
audit-say-room = Datarum { $room }.
# $more: ett av audit-room-…-meddelandena.
audit-say-room-and = Datarum { $room }: { $more }

# Vad en rumshändelse lägger till efter rummets namn.
audit-room-invited = { $email } bjöds in till användargruppen { $group }.
audit-room-group-created = användargruppen { $group }.
audit-room-member-added = till användargruppen { $group }.
audit-room-member-removed = från användargruppen { $group }.
audit-room-member-left = från användargruppen { $group }, och inte längre i rummet.
audit-room-member-left-cleared = från användargruppen { $group }, och inte längre i rummet; telefonnumret för tvåstegsverifiering togs bort.
# $changes: audit-room-…-ändringarna nedan, åtskilda med kommatecken.
audit-room-changes = { $changes }.
audit-room-renamed = namn { $before } → { $after }
audit-room-address-changed = applikationsadress { $before } → { $after }
audit-room-no-address = ingen
audit-room-enforced-on = obligatorisk tvåstegsverifiering på
audit-room-enforced-off = obligatorisk tvåstegsverifiering av
audit-room-nothing-changed = inget ändrat
audit-room-admins-added = administratörer tillagda: { $added }
audit-room-admins-removed = administratörer borttagna: { $removed }
audit-room-admins-added-removed = administratörer tillagda: { $added }; borttagna: { $removed }

# Vad en kod var till för, efter ”för”.
audit-purpose-sign-in = inloggning
audit-purpose-phone-enrolment = att konfigurera tvåstegsverifiering via sms
audit-purpose-phone-change = att byta telefonnummer för koder
audit-purpose-room-entry = att öppna ett datarum
audit-purpose-phone-sign-in = inloggning med telefonnummer
audit-purpose-phone-registration = registrering med telefonnummer
audit-purpose-profile-phone = att bekräfta ett telefonnummer i profilen
audit-purpose-password-set = att välja ett lösenord

# Vilken gräns som höll tillbaka en kod.
audit-limit-cooldown = begärd igen för snart efter den förra
audit-limit-per-subject-hourly = gränsen för koder per timme för det här kontot nåddes
audit-limit-per-phone-daily = gränsen för koder per dag till det här telefonnumret nåddes
audit-limit-per-ip-hourly = gränsen för koder per timme från den här IP-adressen nåddes
audit-limit-daily-budget = dagens sms-budget är slut
audit-limit-per-number = gränsen för koder per dag till det här nya numret nåddes
audit-limit-per-address = gränsen för koder per dag till nya nummer från den här IP-adressen nåddes
audit-limit-per-network = gränsen för koder per dag till nya nummer från det här nätverket nåddes
audit-limit-per-country = gränsen för koder per dag till nya nummer i det här landet nåddes

# Sparade tidslängder (”8 hours”).
audit-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minuter
}
audit-hours = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}
audit-days = { $count ->
    [one] 1 dag
   *[other] { $count } dagar
}

# API-nycklar (/admin/api-keys). $name: nyckelns namn; $scopes: dess behörigheter som skript skriver dem.
event-api-key-created = API-nyckel skapad
event-api-key-revoked = API-nyckel återkallad
event-two-step-reminder-sent = Påminnelse om att aktivera tvåstegsverifiering skickad
audit-api-key = API-nyckeln ”{ $name }”
audit-say-api-key = API-nyckeln ”{ $name }”.
audit-say-api-key-created = API-nyckeln ”{ $name }” med behörigheterna { $scopes }.

# Operators' key rotations (`twostep secret-key rotate`, `twostep signing-key rotate`).
# $key: the new secret key's id (8 hex); $count: values re-sealed; $kid: the signing key's id.
event-secret-key-rotated = Hemlig nyckel bytt
event-signing-key-rotated = Signeringsnyckel bytt
audit-say-secret-key-rotated = { $count ->
    [one] 1 lagrat värde förseglat på nytt med den hemliga nyckeln { $key }.
   *[other] { $count } lagrade värden förseglade på nytt med den hemliga nyckeln { $key }.
}
audit-say-signing-key = Signeringsnyckeln { $kid }.
