# Sündmuste logi (/admin/audit) ja halduskeskuse sündmuste tabelid.
audit-title = Sündmuste logi
audit-user = Kasutaja (e-posti aadress)
audit-user-hint = Aadress, mis ühelegi kontole ei kuulu, leiab sellega tehtud sisselogimiskatsed.
audit-event = Sündmus
audit-all-events = Kõik sündmused
audit-from = Alates (AAAA-KK-PP)
audit-until = Kuni (AAAA-KK-PP)
audit-filter = Filtreeri
audit-unknown-address = Aadressi { $address } pole ühelgi kontol: need on sellega tehtud sisselogimiskatsed.
audit-download = Laadi alla (CSV)
audit-none = Sobivaid sündmusi pole.
audit-older = Vanemad sündmused
audit-no-account = { $address } (konto puudub)
audit-choose-event = Vali sündmus loendist.
audit-from-invalid = Sisesta esimene kuupäev kujul AAAA-KK-PP.
audit-until-invalid = Sisesta viimane kuupäev kujul AAAA-KK-PP.
audit-until-before-from = Viimane kuupäev peab olema sama mis esimene või sellest hilisem.
audit-bad-page-link = Lehe link on vigane. Alusta uuesti esimeselt lehelt.
audit-events-caption = Turvasündmused
audit-column-time = Aeg
audit-column-event = Sündmus
audit-column-by = Tegija
audit-column-user = Kasutaja
audit-column-ip = IP-aadress
audit-column-detail = Üksikasjad

# Sündmuste filtri rühmad.
audit-group-sign-in = Sisselogimine
audit-group-two-step = Kaheastmeline kinnitamine
audit-group-administration = Haldus
audit-group-rooms = Andmeruumid
audit-group-text-messages = SMS-id

# Mis on iga sündmuse liigi nimi.
event-user-registered = Registreerus
event-user-registered-by-phone = Registreerus telefoninumbriga
event-user-registered-again = Registreerumist prooviti juba kasutusel oleva aadressiga
event-email-confirmed = E-posti aadress kinnitatud
event-sign-in-succeeded = Logis sisse
event-sign-in-failed = Sisselogimine ebaõnnestus
event-sign-in-throttled = Sisselogimine blokeeriti liiga paljude katsete järel
event-sign-in-unconfirmed = Sisselogimine ootab e-posti aadressi kinnitamist
event-sign-in-code-required = Parool õige, küsiti koodi
event-sign-in-trusted-device = Logis sisse usaldusväärses seadmes
event-sign-in-phone-code-requested = Telefoniga sisselogimise kood küsitud
event-sign-in-phone-succeeded = Logis sisse telefoninumbriga
event-sign-in-phone-failed = Telefoniga sisselogimine ebaõnnestus
event-sign-in-phone-second-factor-required = Telefoni kood õige, küsiti parooli
event-sign-out = Logis välja
event-reauth-succeeded = Parool kinnitatud
event-reauth-failed = Parooli kinnitamine ebaõnnestus
event-password-changed = Parool muudetud
event-password-change-failed = Parooli muutmine ebaõnnestus
event-password-reset-requested = Parooli lähtestamise link saadetud
event-password-set = Parool määratud
event-session-ended = Seanss lõpetatud
event-session-others-ended = Teised seansid lõpetatud
event-session-duration-changed = Seansi kestus muudetud
event-user-profile-phone-changed = Profiili telefoninumber muudetud
event-two-step-enabled = Kaheastmeline kinnitamine sisse lülitatud
event-two-step-disabled = Kaheastmeline kinnitamine välja lülitatud
event-two-step-method-changed = Kaheastmelise kinnitamise viis muudetud
event-two-step-factor-removed = Kaheastmelise kinnitamise viis eemaldatud
event-phone-changed = Koodide telefoninumber muudetud
event-code-verified = SMS-i kood oli õige
event-code-failed = SMS-i kood oli vale
event-code-locked = SMS-i kood lukustati valede katsete järel
event-totp-verified = Autentimisrakenduse kood oli õige
event-totp-failed = Autentimisrakenduse kood oli vale
event-totp-replay-refused = Autentimisrakenduse koodi kasutati kaks korda
event-recovery-codes-generated = Taastekoodid loodud
event-recovery-codes-replaced = Taastekoodid asendatud
event-recovery-code-used = Taastekood kasutatud
event-recovery-code-failed = Taastekood oli vale
event-temporary-code-issued = Ajutine pääsukood väljastatud
event-temporary-code-used = Ajutine pääsukood kasutatud
event-temporary-code-failed = Ajutine pääsukood oli vale
event-sign-in-help-requested = Palus administraatoritelt abi
event-account-secured = Konto turvatud pärast „See polnud mina“
event-device-trusted = Seade märgiti usaldusväärseks
event-device-removed = Usaldusväärne seade eemaldatud
event-admin-created = Administraatori konto loodud
event-user-created-cli = Konto loodud käsurealt
event-user-added-by-admin = Kasutaja lisatud
event-password-link-made = Parooli link loodud
event-platform-settings-changed = Turvaseaded muudetud
event-two-step-reset = Kaheastmeline kinnitamine lähtestatud
event-account-disabled = Konto keelatud
event-account-enabled = Konto lubatud
event-admin-granted = Tehti administraatoriks
event-admin-revoked = Pole enam administraator
event-session-all-ended = Administraator logis välja
event-phone-set-by-admin = Administraator määras telefoninumbri
event-user-name-changed-by-admin = Administraator muutis nime
event-group-created = Grupp loodud
event-group-renamed = Grupp ümber nimetatud
event-group-deleted = Grupp kustutatud
event-group-rule-changed = Grupi kaheastmeline kinnitamine muudetud
event-group-member-added = Lisatud gruppi
event-group-member-removed = Eemaldatud grupist
event-email-given-up = E-kirja ei õnnestunud kohale toimetada
event-application-added = Rakendus lisatud
event-application-changed = Rakendus muudetud
event-application-secret-renewed = Rakenduse saladus uuendatud
event-application-deleted = Rakendus kustutatud
event-application-signed-in = Logis rakendusse sisse
event-passkey-refused = Pääsuvõtit ei aktsepteeritud
event-passkey-counter-refused = Pääsuvõti lükati tagasi võimaliku koopiana
event-passkey-added = Pääsuvõti lisatud
event-passkey-removed = Pääsuvõti eemaldatud
event-room-created = Andmeruum loodud
event-room-edited = Andmeruumi seaded muudetud
event-room-enforcement-on = Kohustuslik kaheastmeline kinnitamine sisse lülitatud
event-room-enforcement-off = Kohustuslik kaheastmeline kinnitamine välja lülitatud
event-room-group-created = Ruumi kasutajagrupp loodud
event-room-member-added = Lisatud ruumi kasutajagruppi
event-room-member-removed = Eemaldatud ruumi kasutajagrupist
event-room-invitation-made = Kutsutud ruumi
event-room-invitation-accepted = Ruumi kutse vastu võetud
event-room-phone-set = Ruumi telefoninumber määratud
event-room-phone-cleared = Ruumi telefoninumber eemaldatud
event-room-step-passed = Ruumi kood oli õige
event-room-step-failed = Ruumi kood oli vale
event-room-step-locked = Ruumi kood lukustati valede katsete järel
event-sms-sent = SMS saadetud
event-sms-send-failed = Teenusepakkuja ei võtnud SMS-i vastu
event-sms-send-refused = SMS jäi limiidi tõttu saatmata

# Iga salvestatud üksikasi lausena.
audit-command-line = Käsurealt.
audit-and-command-line = { $sentence } Käsurealt.
audit-say-setup-link = Seadistuslingiga.
audit-say-with-password = Parooliga.
audit-say-with-password-sms = Parooli ja SMS-iga saadetud koodiga.
audit-say-with-password-app = Parooli ja autentimisrakenduse koodiga.
audit-say-with-password-recovery = Parooli ja taastekoodiga.
audit-say-with-password-passkey = Parooli ja pääsuvõtmega.
audit-say-with-password-temporary = Parooli ja ajutise pääsukoodiga.
audit-say-with-passkey-alone = Ainult pääsuvõtmega, selle PIN-koodi või biomeetriaga.
audit-say-with-phone-code = Telefoninumbrile SMS-iga saadetud koodiga.
audit-say-with-phone-registration = Koodiga, mis saadeti telefoninumbriga registreerumiseks.
audit-say-with-phone-code-password = Telefoninumbrile saadetud koodi ja parooliga.
audit-say-with-phone-code-app = Telefoninumbrile saadetud koodi ja autentimisrakenduse koodiga.
audit-say-wrong-password = Vale parool.
audit-say-no-account = Sisestatud e-posti aadressi pole ühelgi kontol.
audit-say-right-password-disabled = Parool oli õige, kuid konto on keelatud.
audit-say-wrong-password-confirming = Vale parool e-posti aadressi kinnitamisel.
audit-say-throttled = Liiga palju valesid paroole: keelduti kontrollimata.
audit-say-throttled-no-account = Liiga palju katseid: keelduti kontrollimata. Sisestatud e-posti aadressi pole ühelgi kontol.
audit-say-next-sms = Järgmisena küsitakse SMS-iga saadetud koodi.
audit-say-next-app = Järgmisena küsitakse autentimisrakenduse koodi.
audit-say-next-passkey = Järgmisena küsitakse pääsuvõtit.
audit-say-trusted-device-sign-in = Parooliga; selles usaldusväärses seadmes koodi ei küsitud.
audit-say-unconfirmed = E-posti aadress pole veel kinnitatud.
audit-say-current-password-wrong = Praegune parool oli vale.
audit-say-reset-emailed = Uue parooli valimise link saadeti e-postiga.
audit-say-reset-emailed-unconfirmed = Uue parooli valimise link saadeti kinnitamist ootavale aadressile.
audit-say-password-set-link = Ühekordse lingiga.
audit-say-password-set-first = Esimene parool, pärast koodi kinnitatud telefoninumbrile.
audit-say-password-set-link-and-code = Ühekordse lingi ja kinnitatud telefoninumbrile saadetud koodiga.
audit-say-registered-again = Keegi registreerus selle aadressiga uuesti; selle omanikule saadeti e-kiri.
audit-say-other-sessions-ended = { $count ->
    [one] 1 teine seanss lõpetati.
   *[other] { $count } teist seanssi lõpetati.
}
audit-say-until-browser-closes = Jääb sisse logituks, kuni brauser suletakse.
audit-say-stays-signed-in = Sisse logituks jäämise aeg: { $duration }.
audit-say-profile-phone = Profiili telefoninumber on nüüd { $phone }.
audit-say-registered-phone = Telefoninumbriga { $phone }.
audit-say-phone-code-sent = Numbrile { $phone }, mis kuulub kontole: kood saadeti.
audit-say-phone-code-register = Numbrile { $phone }, mida pole ühelgi kontol: saadeti registreerumise kood.
audit-say-phone-code-nothing-sent = Numbrile { $phone }, mida pole ühelgi kontol: midagi ei saadetud.
audit-say-phone-wrong-code-or-password = Vale kood või parool.
audit-say-phone-wrong-code-or-number = Vale kood või number, mida pole ühelgi kontol.
audit-say-password-next = See konto kasutab kaheastmelist kinnitamist: järgmisena küsitakse parooli.
audit-say-with-sms = SMS-idega.
audit-say-with-sms-to = SMS-idega numbrile { $phone }.
audit-say-with-app = Autentimisrakendusega.
audit-say-with-passkey = Pääsuvõtmega.
# $words: kuidas viis salvestati, inglise keeles ("text messages to +46 ••• ••• 67").
audit-say-with-words = Viis: { $words }.
audit-say-now-sms = Nüüd SMS-idega.
audit-say-now-sms-to = Nüüd SMS-idega numbrile { $phone }.
audit-say-now-app = Nüüd autentimisrakendusega.
audit-say-now-passkey = Nüüd pääsuvõtmega.
audit-say-now-words = Uus viis: { $words }.
audit-say-removed-sms = SMS-iga saadetavad koodid eemaldati.
audit-say-removed-app = Autentimisrakendus eemaldati.
audit-say-removed-passkey = Viimane pääsuvõti eemaldati.
audit-say-two-step-off = Selle viisid, taastekoodid ja usaldusväärsed seadmed eemaldati.
audit-say-codes-go-to = Koodid lähevad nüüd numbrile { $phone }.
# $purpose: üks audit-purpose-… sõnumitest (nimetav kääne).
audit-say-for = Eesmärk: { $purpose }.
audit-say-code-for = Kood, eesmärk: { $purpose }.
# $reason: üks audit-limit-… sõnumitest.
audit-say-code-held-back = Kood, eesmärk: { $purpose }; { $reason }.
audit-say-setting-up-app = Autentimisrakenduse seadistamisel.
audit-say-while-signing-in = Sisselogimisel.
audit-say-code-replayed = Juba kasutatud kood sisestati uuesti.
audit-say-recovery-codes-left = { $count ->
    [one] Alles on 1 taastekood.
   *[other] Alles on { $count } taastekoodi.
}
audit-say-codes-replaced = Varasemad koodid enam ei tööta.
audit-say-device = { $device }.
audit-say-all-devices = Kõik usaldusväärsed seadmed ({ $count }).
audit-say-two-step-reset = Kõik viisid, taastekoodid, usaldusväärsed seadmed ja seansid eemaldati.
audit-say-sessions-ended = { $count ->
    [one] 1 seanss lõpetati.
   *[other] { $count } seanssi lõpetati.
}
audit-say-as-administrator = Administraatorina.
audit-say-password-link = Ühekordne link parooli valimiseks.
audit-say-group = Grupp { $group }.
audit-say-group-renamed = Varem { $before }, nüüd { $after }.
audit-say-to-group = Gruppi { $group }.
audit-say-from-group = Grupist { $group }.
audit-say-email-given-up = E-kirja saatmisest aadressile { $address } loobuti pärast korduvaid tõrkeid: { $error }.
audit-say-application = Rakendus { $application }.
audit-say-signed-in-to = Logis sisse rakendusse { $application }.
audit-say-passkey = Pääsuvõti { $name }.
audit-say-passkey-copied = Pääsuvõti { $name } vastas allkirjaloenduriga, mis polnud edasi liikunud: see võib olla kopeeritud.
audit-say-passkey-stale = Vastus oli päringule, millele oli juba vastatud või mis oli vanem kui 5 minutit.
audit-say-passkey-not-an-answer = Brauseri saadetu polnud pääsuvõtme vastus.
audit-say-passkey-unknown = Pääsuvõti pole siin registreeritud.
audit-say-passkey-other-handle = Pääsuvõti nimetas teist kontot.
audit-say-passkey-other-account = Pääsuvõti kuulub teisele kontole.
audit-say-passkey-not-verified = Vastust ei õnnestunud kontrollida (teine sait, vale allkiri või puuduv PIN-kood või biomeetria, kus seda on vaja).
audit-say-passkey-twice = Sama pääsuvõtme vastus saadeti korraga kaks korda.
audit-say-passkey-account-disabled = Konto on keelatud.
audit-say-valid-for = Kehtib { $duration }.
audit-say-temporary-code-used = Sellega logiti sisse; see ei tööta enam.
audit-say-temporary-code-ended = Viis valet katset: kood ei tööta enam.
audit-say-account-secured = Parool ei tööta enam; { $sessions ->
    [one] 1 seanss lõpetati
   *[other] { $sessions } seanssi lõpetati
}, { $devices ->
    [one] 1 usaldusväärne seade eemaldati
   *[other] { $devices } usaldusväärset seadet eemaldati
}; uue valimise link saadeti e-postiga.
audit-say-help-requested = Telefon kadunud: administraatoritele saadeti e-postiga link kontole.
audit-say-provider-refused = Teenusepakkuja keeldus: { $reason } (viga { $code }).
audit-say-provider-unavailable = Teenusepakkujaga ei saadud ühendust või tekkis tõrge; midagi ei saadetud.
audit-say-room = Andmeruum { $room }.
# $more: üks audit-room-… sõnumitest.
audit-say-room-and = Andmeruum { $room }: { $more }

# Mida ruumi sündmus lisab ruumi nime järele.
audit-room-invited = { $email } kutsuti kasutajagruppi { $group }.
audit-room-group-created = kasutajagrupp { $group }.
audit-room-member-added = kasutajagruppi { $group }.
audit-room-member-removed = kasutajagrupist { $group }.
audit-room-member-left = kasutajagrupist { $group } ja pole enam ruumis.
audit-room-member-left-cleared = kasutajagrupist { $group } ja pole enam ruumis; kaheastmelise kinnitamise telefoninumber eemaldati.
# $changes: allolevad audit-room-… muudatused, komadega eraldatud.
audit-room-changes = { $changes }.
audit-room-renamed = nimi { $before } → { $after }
audit-room-address-changed = rakenduse aadress { $before } → { $after }
audit-room-no-address = puudub
audit-room-enforced-on = kohustuslik kaheastmeline kinnitamine sisse
audit-room-enforced-off = kohustuslik kaheastmeline kinnitamine välja
audit-room-nothing-changed = midagi ei muutunud
audit-room-admins-added = lisatud administraatorid: { $added }
audit-room-admins-removed = eemaldatud administraatorid: { $removed }
audit-room-admins-added-removed = lisatud administraatorid: { $added }; eemaldatud: { $removed }

# Milleks kood oli (nimetav kääne, „eesmärk:“ järel).
audit-purpose-sign-in = sisselogimine
audit-purpose-phone-enrolment = kaheastmelise kinnitamise seadistamine SMS-iga
audit-purpose-phone-change = koodide telefoninumbri muutmine
audit-purpose-room-entry = andmeruumi avamine
audit-purpose-phone-sign-in = telefoninumbriga sisselogimine
audit-purpose-phone-registration = telefoninumbriga registreerumine
audit-purpose-profile-phone = profiili telefoninumbri kinnitamine
audit-purpose-password-set = parooli määramine

# Milline limiit koodi kinni hoidis.
audit-limit-cooldown = küsiti uuesti liiga ruttu pärast eelmist
audit-limit-per-subject-hourly = selle konto koodide tunnilimiit sai täis
audit-limit-per-phone-daily = sellele telefoninumbrile saadetavate koodide päevalimiit sai täis
audit-limit-per-ip-hourly = sellelt IP-aadressilt küsitud koodide tunnilimiit sai täis
audit-limit-daily-budget = päeva SMS-i eelarve on kulutatud
audit-limit-per-number = sellele uuele numbrile saadetavate koodide päevalimiit sai täis
audit-limit-per-address = sellelt IP-aadressilt uutele numbritele saadetavate koodide päevalimiit sai täis
audit-limit-per-network = sellest võrgust uutele numbritele saadetavate koodide päevalimiit sai täis
audit-limit-per-country = selle riigi uutele numbritele saadetavate koodide päevalimiit sai täis

# Salvestatud ajavahemikud („8 hours“).
audit-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minutit
}
audit-hours = { $count ->
    [one] 1 tund
   *[other] { $count } tundi
}
audit-days = { $count ->
    [one] 1 päev
   *[other] { $count } päeva
}

# API-võtmed (/admin/api-keys). $name: võtme nimi; $scopes: selle õigused nii, nagu skriptid neid kirjutavad.
event-api-key-created = API-võti loodud
event-api-key-revoked = API-võti tühistatud
event-two-step-reminder-sent = Meeldetuletus kaheastmelise kinnitamise sisselülitamiseks saadetud
audit-api-key = API-võti „{ $name }“
audit-say-api-key = API-võti „{ $name }“.
audit-say-api-key-created = API-võti „{ $name }“ õigustega { $scopes }.

# Operators' key rotations (`twostep secret-key rotate`, `twostep signing-key rotate`).
# $key: the new secret key's id (8 hex); $count: values re-sealed; $kid: the signing key's id.
event-secret-key-rotated = Salajane võti vahetatud
event-signing-key-rotated = Allkirjastamisvõti vahetatud
audit-say-secret-key-rotated = { $count ->
    [one] 1 salvestatud väärtus uuesti pitseeritud salajase võtmega { $key }.
   *[other] { $count } salvestatud väärtust uuesti pitseeritud salajase võtmega { $key }.
}
audit-say-signing-key = Allkirjastamisvõti { $kid }.
