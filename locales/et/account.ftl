# Sisselogitud inimese enda lehed: Minu turvaseaded, profiil, parool, sisselogimisviisid
# ja nende seadistamine (templates/account, web/account).

## Sõnad, mida mitu lehte jagavad.
account-back = Tagasi
account-continue = Jätka
account-save = Salvesta
account-done = Valmis
account-verify = Kinnita
account-remove = Eemalda
# Nupu ligipääsetav nimi: "Eemalda Töösülearvuti".
account-remove-named = Eemalda { $name }
account-change = Muuda
account-password = Parool
account-phone-number = Telefoninumber
account-verification-code = Kinnituskood
account-send-code = Saada kood
account-send-again = Saada uuesti
account-too-many-passwords = Liiga palju valesid paroole. Oota 15 minutit ja proovi uuesti.
account-same-phone = See on juba sinu telefoninumber. Sisesta uus number.

## Sisselogimisviisid, nagu lehed neid nimetavad.
account-method-sms = SMS
account-method-app = Autentimisrakendus
account-method-passkey = Pääsuvõti

## Brauser, nimetatud tema User-Agenti järgi: "Firefox 133 (Linux)".
account-unknown-browser = Tundmatu brauser
account-browser-on-system = { $browser } ({ $system })

## "Kui kauaks sisse logituks jääda" (teised valikud on main.ftl-i tunnid ja päevad).
account-until-browser-closes = Kuni sulgen brauseri

## Minu turvaseaded (/account/security).
account-security-title = Minu turvaseaded
account-no-password-yet = Sinu kontol pole veel parooli: logid sisse oma telefoninumbri ja koodiga. Kaheastmeline kinnitamine ja e-posti aadressiga sisselogimine vajavad lisaks parooli.
account-set-a-password = Määra parool
account-two-step = Kaheastmeline kinnitamine
account-on = Sees
account-off = Väljas
account-only-password = Sisselogimiseks piisab paroolist.
account-turn-off = Lülita välja
# Ekraanilugeja loeb pärast sõnu "Lülita välja": "Lülita välja kaheastmeline kinnitamine".
account-turn-off-hidden = kaheastmeline kinnitamine
account-method = Meetod
# Ekraanilugeja loeb pärast sõna "Muuda": "Muuda meetodit".
account-change-method-hidden = meetodit
# Ekraanilugeja loeb pärast sõna "Muuda": "Muuda telefoninumbrit".
account-change-phone-hidden = telefoninumbrit
account-recovery-codes = Taastekoodid
account-codes-left = { $count ->
    [one] { $count } alles
   *[other] { $count } alles
}
account-codes-low = Loo uued, et sa telefoni kaotades kontost välja ei jääks.
account-codes-each = Igaühega saad ühe korra sisse logida, kui sa ei saa oma telefoni kasutada.
account-generate-new = Loo uued
# Ekraanilugeja loeb pärast sõnu "Loo uued": "Loo uued taastekoodid".
account-generate-new-hidden = taastekoodid
account-your-methods = Sinu sisselogimisviisid
account-in-use = Kasutusel
# Sisselogimisviiside loendis "Pääsuvõtme" kõrval.
account-passkeys-under = { $count ->
    [one] { $count } pääsuvõti, jaotises Pääsuvõtmed
   *[other] { $count } pääsuvõtit, jaotises Pääsuvõtmed
}
account-two-step-required = Kaheastmeline kinnitamine on sinu kontole kohustuslik, seega ei saa seda välja lülitada.
account-two-step-offer = Kaitse oma kontot koodiga, mille saad telefoni iga kord, kui sisse logid.
account-required-by = See on sinu kontole kohustuslik: seadista see hiljemalt { $date }.
account-required = See on sinu kontole kohustuslik.
account-turn-on = Lülita kaheastmeline kinnitamine sisse
account-two-step-unavailable = Kaheastmeline kinnitamine pole sellel platvormil saadaval.
account-passkeys = Pääsuvõtmed
account-passkeys-intro = Pääsuvõtmega logid sisse oma telefoni, arvuti ekraaniluku, paroolihalduri või turvavõtmega. See töötab ainult sellel saidil, nii et võltsitud leht ei saa seda sinult välja petta.
account-no-passkeys = Sul pole pääsuvõtmeid.
account-added = Lisatud
account-last-used = Viimati kasutatud
account-synced = (sünkroonitud)
account-not-yet = Veel mitte
account-last-passkey-held = Viimast pääsuvõtit ei saa eemaldada: sinu administraator nõuab sinu kontole pääsuvõtit.
account-last-passkey-required = Viimast pääsuvõtit ei saa eemaldada seni, kuni kaheastmeline kinnitamine on sinu kontole kohustuslik.
account-add-passkey = Lisa pääsuvõti
account-offer-title = Kas logida välja kõikjal mujal?
account-offer-text = Muutsid oma sisselogimisviisi. Kui oled sisse logitud seadmes, mida sa enam ei kasuta või ei usalda, logi välja kõik oma teised seansid.
account-sign-out-others = Logi välja kõik teised seansid
account-stay-signed-in = Sisse logituks jäämine
account-stay-signed-in-for = Kui kauaks sisse logituks jääda
account-trusted-devices = Usaldusväärsed seadmed
account-no-trusted-devices = Usaldusväärseid seadmeid pole. Kui märgid koodi sisestades „Usalda seda seadet“, ei küsita selles brauseris enam koodi.
account-device = Seade
account-ip-address = IP-aadress
account-trusted-since = Usaldusväärne alates
account-expires = Aegub
account-this-device = (see seade)
account-until-removed = Kuni eemaldamiseni
account-remove-all = Eemalda kõik
account-active-sessions = Aktiivsed seansid
account-signed-in = Sisse logitud
account-last-active = Viimati aktiivne
account-this-session = (see seanss)
account-end-session = Lõpeta seanss
# Nupu "Lõpeta seanss" ligipääsetav nimi: seade ja millal see sisse logis.
account-end-session-named = Lõpeta seanss: { $device }
account-end-session-signed-in = Lõpeta seanss: { $device }, sisse logitud { $date }
account-change-password = Muuda parooli
account-duration-by-administrator = Kui kauaks sa sisse logituks jääd, määrab sinu administraator.
account-choose-duration = Vali üks pakutud kestustest.

## Meetodi valimine (/account/security/two-step).
account-change-method = Muuda meetodit
account-choose-method = Vali, kuidas koode saada
account-passkey-required = Sinu administraator nõuab sinu kontole pääsuvõtit: seda ei saa õngitseda, sest see töötab ainult sellel saidil.
account-add-one-now-or-later = Lisa see kohe või hiljem järelejäänud aja jooksul.
account-add-one-to-continue = Jätkamiseks lisa see.
account-two-step-required-set-up = Kaheastmeline kinnitamine on sinu kontole kohustuslik.
account-set-up-now-or-later = Seadista see kohe või hiljem järelejäänud aja jooksul.
account-set-up-to-continue = Jätkamiseks seadista see.
account-how-verify = Kuidas soovid kinnitada, et see oled sina?
account-how-get-codes = Kuidas soovid sisselogimiskoode saada?
account-passkey-only-hint = Sinu telefon, arvuti ekraanilukk, paroolihaldur või turvavõti kinnitab, et see oled sina.
account-sms-to = SMS numbrile { $phone }
account-sms-saved-hint = Number, mille sa varem kinnitasid.
account-sms-to-another = SMS teisele numbrile
account-sms-in-use-hint = Praegu kasutusel. Uus number kinnitatakse sellele saadetud koodiga.
account-sms-hint = Saadame sulle igal sisselogimisel SMS-iga telefonile 6-kohalise koodi.
account-new-app = Uus autentimisrakendus
account-app-in-use-hint = Praegu kasutusel. Uue telefoni või rakenduse seadistamine asendab praeguse.
account-app-hint = Telefonis olev rakendus näitab iga 30 sekundi järel uut koodi, ka võrguühenduseta.
account-another-passkey = Veel üks pääsuvõti
account-passkey-in-use-hint = Praegu kasutusel. Lisa veel üks teises seadmes või turvavõtmele.
account-passkey-hint = Sinu telefon, arvuti ekraanilukk, paroolihaldur või turvavõti: koodi pole vaja sisestada ja võltsitud leht ei saa seda sinult välja petta.
account-set-up-later = { $count ->
    [one] Seadista hiljem ({ $count } päev jäänud)
   *[other] Seadista hiljem ({ $count } päeva jäänud)
}
account-set-up-over = Kaheastmelise kinnitamise seadistamise aeg on läbi. Jätkamiseks seadista see.
account-choose-how = Vali, kuidas soovid koode saada.
account-not-offered = Kaheastmeline kinnitamine pole sinu kontole saadaval. Kui seda vajad, pöördu oma administraatori poole.

## SMS: number ja selle kood (/account/security/sms).
account-change-phone = Muuda telefoninumbrit
account-change-phone-intro = Sisesta oma uus telefoninumber. See asendab vana, kui oled sisestanud koodi, mille sellele numbrile saadame.
account-sms-phone-intro = Sisesta telefoninumber, kuhu soovid koode saada. Numbri kontrollimiseks saadame sellele koodi.
# Järgnevad main.ftl-i näited: „Telefoninumber, näiteks …“.
account-mobile-number = Telefoninumber,
account-profile-phone-cannot = Sinu profiilil olev telefoninumber ei saa koode vastu võtta. { $problem }
account-enter-mobile = Sisesta oma telefoninumber.
account-sms-code-sent = Saatsime 6-kohalise koodi SMS-iga numbrile { $phone }. Numbri kinnitamiseks sisesta see.
account-cannot-text-now = Me ei saa praegu numbrile { $phone } koodi saata.
account-no-code-for = Numbrile { $phone } pole ühtegi koodi ootel. Uue saamiseks vali „Saada uuesti“.
account-use-sms-title = Kas kasutada koodide saamiseks SMS-i?
account-use-sms-consequence = Sisselogimiskoodid saadetakse SMS-iga numbrile { $phone }, mille sa varem kinnitasid.
account-app-stays = Sinu autentimisrakendus jääb seadistatuks: saad seda sisselogimisel SMS-i asemel kasutada või selle juurde tagasi minna.
account-use-sms-button = Kasuta SMS-i

## Meetodi eemaldamine, kaheastmelise kinnitamise väljalülitamine.
account-remove-app-title = Kas eemaldada autentimisrakendus?
account-app-no-longer = Sinu autentimisrakenduselt ei küsita enam koodi ja selle võti kustutatakse.
account-remove-sms-title = Kas loobuda SMS-idest?
account-no-more-texts-to = Me ei saada enam numbrile { $phone } SMS-iga sisselogimiskoode.
account-no-more-texts = Me ei saada enam sisselogimiskoode SMS-iga.
account-remove-last-passkey-title = Kas eemaldada viimane pääsuvõti?
account-passkey-no-longer = Sisselogimisel ei küsita enam sinu pääsuvõtit.
account-texted-instead-to = Sisselogimiskoodid saadetakse selle asemel SMS-iga numbrile { $phone }.
account-texted-instead = Sisselogimiskoodid saadetakse sulle selle asemel SMS-iga.
account-app-instead = Sisselogimiskoodid annab selle asemel sinu autentimisrakendus.
account-passkeys-instead = Selle asemel küsitakse sinu pääsuvõtmeid.
account-two-step-turns-off = Kaheastmeline kinnitamine lülitub välja: sisselogimiseks piisab paroolist.
account-codes-will-stop = { $count ->
    [one] Sinu { $count } taastekood lakkab töötamast.
   *[other] Sinu { $count } taastekoodi lakkavad töötamast.
}
account-method-in-use-required = Kaheastmeline kinnitamine on sinu kontole kohustuslik, seega ei saa kasutusel olevat meetodit eemaldada. Muuda enne meetodit.
account-only-password-after = Sisselogimiseks piisab edaspidi paroolist.
account-passkeys-removed = Sinu pääsuvõtmed eemaldatakse: nendega ei saa enam sisse logida.
account-devices-forgotten = Sinu usaldusväärsed seadmed eemaldatakse.
account-turn-off-title = Kas lülitada kaheastmeline kinnitamine välja?
account-turn-off-button = Lülita kaheastmeline kinnitamine välja

## Autentimisrakendus (/account/security/app).
account-app-title = Seadista oma autentimisrakendus
account-app-open = Ava telefonis autentimisrakendus, näiteks Google Authenticator, Microsoft Authenticator või 1Password.
account-app-scan = Skanni sellega see QR-kood.
account-app-qr = QR-kood autentimisrakenduse jaoks
account-app-cannot-scan = Skannimine ei õnnestu? Sisesta rakendusse hoopis see seadistusvõti:
account-app-show-link = Näita seadistuslinki
account-app-enter-code = Sisesta 6-kohaline kood, mida rakendus näitab.
account-too-many-codes = Liiga palju valesid koode. Oota 15 minutit ja proovi uuesti.
account-app-code-wrong = See kood pole õige. Sisesta kood, mida rakendus praegu näitab, ja kontrolli, et telefoni kell oleks automaatselt seatud.

## Taastekoodid.
account-codes-title = Salvesta oma taastekoodid
account-codes-intro = Kui kaotad telefoni, saad iga koodiga ühe korra sisse logida. Hoia neid kindlas kohas, näiteks paroolihalduris või paberile prinditult.
account-codes-shown-once = Neid näidatakse ainult praegu. Varasemad koodid enam ei tööta.
account-codes-download = Laadi alla (.txt)
account-codes-copy = Kopeeri
account-codes-copied = Kopeeritud
account-codes-saved = Olen oma taastekoodid salvestanud
account-codes-tick = Salvesta oma taastekoodid ja märgi siis „Olen oma taastekoodid salvestanud“.
account-no-codes-left = Sul pole enam taastekoode.
account-codes-stop-once-saved = { $count ->
    [one] Sinu { $count } taastekood lakkab töötamast, kui salvestad uued.
   *[other] Sinu { $count } taastekoodi lakkavad töötamast, kui salvestad uued.
}
account-regenerate-title = Kas luua uued taastekoodid?
account-regenerate-ten = Näed 10 uut koodi, mida saad välja printida või alla laadida. Igaühega saad ühe korra sisse logida.
account-regenerate-button = Loo uued taastekoodid
# Allalaaditud fail (recovery-codes.txt): esimene rida, siis kaks rida nõuandeid.
account-codes-file-title = { $app }: taastekoodid kontole { $email }
account-codes-file-advice = Iga koodiga saad ühe korra sisse logida, kui sa ei saa oma telefoni või rakendust kasutada.
account-codes-file-keep = Hoia neid kindlas kohas.

## Pääsuvõtmed (/account/security/passkeys).
account-passkey-new-intro = Pääsuvõtmega logid koodi asemel sisse oma telefoni, arvuti ekraaniluku, paroolihalduri või turvavõtmega. See töötab ainult sellel saidil, nii et võltsitud leht ei saa seda sinult välja petta.
account-passkey-name = Nimi
account-passkey-name-hint = Et saaksid oma pääsuvõtmeid eristada, näiteks „Töösülearvuti“ või „Sinine turvavõti“.
account-create-passkey = Loo pääsuvõti
account-passkeys-need-script = Pääsuvõtmed vajavad JavaScripti: lülita see selle saidi jaoks sisse või kasuta muud viisi.
account-passkey-name-empty = Sisesta pääsuvõtmele nimi, näiteks „Töösülearvuti“ või „Sinine turvavõti“.
account-passkey-name-long = Sisesta kuni 60 märgi pikkune nimi.
account-passkey-name-lines = Sisesta nimi ühele reale, ilma erimärkideta.
account-passkeys-unavailable = Pääsuvõtmeid ei saa siin kasutada: see portaal on avatud IP-aadressi kaudu, aga brauserid loovad pääsuvõtmeid ainult saidi nimega aadressile. Pöördu oma administraatori poole.
account-too-many-passkeys = { $count ->
    [one] Sul on { $count } pääsuvõti ja rohkem ei saa lisada. Uue lisamiseks eemalda see.
   *[other] Sul on { $count } pääsuvõtit ja rohkem ei saa lisada. Uue lisamiseks eemalda üks, mida sa enam ei kasuta.
}
account-passkey-not-created = Pääsuvõtit ei loodud. Vali „Loo pääsuvõti“ ja järgi brauseri juhiseid; pääsuvõtmed vajavad JavaScripti.
account-passkey-already-registered = See pääsuvõti on juba registreeritud. Kasuta teist seadet või turvavõtit.
# Said by static/passkey.js on the page, from the form's data attributes.
account-passkey-unsupported = See brauser ei saa pääsuvõtmeid kasutada. Kasuta allpool muud viisi või teist brauserit.
account-passkey-script-not-created = Pääsuvõtit ei loodud. Proovi uuesti või kasuta allpool muud viisi.
account-passkey-script-registered = See pääsuvõti on sinu kontole juba registreeritud.
account-remove-passkey-title = Kas eemaldada pääsuvõti „{ $name }“?
account-remove-passkey-consequence = Pääsuvõtmega „{ $name }“ ei saa enam sisse logida.
account-last-passkey-consequence = See on sinu viimane pääsuvõti: selle asemel küsitakse sinu teist sisselogimisviisi, kui sul see on; kui ei ole, lülitub kaheastmeline kinnitamine välja.
account-last-passkey-stays = Sinu administraator nõuab sinu kontole pääsuvõtit, seega ei saa viimast pääsuvõtit eemaldada. Lisa enne veel üks pääsuvõti.
account-last-passkey-two-step = Kaheastmeline kinnitamine on sinu kontole kohustuslik, seega ei saa viimast pääsuvõtit eemaldada. Seadista enne muu meetod.

## Parooli kinnitamine (/account/confirm).
account-confirm-title = Kinnita oma parool
account-confirm-intro = Turvalisuse huvides sisesta enne seda muudatust uuesti oma parool. 10 minuti jooksul seda uuesti ei küsita.
# { $link } on link sõnadega account-set-a-password.
account-confirm-no-password = Sinu kontol pole veel parooli. Kõigepealt: { $link }; selleks saadame sulle SMS-iga koodi.
account-confirm = Kinnita
account-enter-password = Sisesta oma parool.
account-password-wrong = Parool on vale.

## Parooli muutmine (/account/password).
account-current-password = Praegune parool
account-new-password = Uus parool
account-new-password-hint = Vähemalt 8 märki. Sinu teised seansid logitakse välja.
account-enter-current-password = Sisesta oma praegune parool.
account-choose-new-password = Vali uus parool.
account-current-password-wrong = Sinu praegune parool on vale.

## Esimene parool telefoninumbriga loodud kontole (/account/security/password).
account-first-password-title = Vali oma parool
account-first-password-intro = Kui sinu kontole kehtib kaheastmeline kinnitamine, küsib telefoninumbriga sisselogimine edaspidi ka seda parooli. Sinu teised seansid logitakse välja.
account-first-password-hint = Vähemalt 8 märki, raskesti äraarvatav.
account-set-password = Määra parool
account-choose-password = Vali parool.
account-first-password-code-sent = Saatsime 6-kohalise koodi SMS-iga numbrile { $phone }. Sisesta see ja vali siis oma parool.
account-first-password-code-intro = Sinu kontol pole veel parooli: logid sisse oma telefoninumbri ja koodiga. Kaheastmeline kinnitamine ja e-posti aadressiga sisselogimine vajavad lisaks parooli. Et olla kindel, et see oled sina, saadame kõigepealt koodi SMS-iga numbrile { $phone }.
account-no-verified-phone = Sinu kontol pole kinnitatud telefoninumbrit, kuhu koodi saata. Palu oma administraatoril saata sulle parooli määramise link.
account-has-password = Sinu kontol on juba parool. Muuda seda hoopis lehel „Muuda parooli“.
account-code-first = Sisesta kõigepealt kood, mille saadame SMS-iga sinu telefonile: alusta uuesti nupust „Määra parool“ lehel „Minu turvaseaded“.

## Sinu profiil (/account/profile).
account-profile-title = Sinu profiil
account-name = Nimi
account-email = E-post
account-email-not-confirmed = (pole veel kinnitatud: ava link, mille sulle e-postiga saatsime)
account-phone-not-verified = (pole kinnitatud)
account-no-phone = Puudub
account-phone-ask-administrator = Telefoninumbri muutmiseks pöördu oma administraatori poole.
# { $link } on link sõnadega account-security-title.
account-phone-on-security = Sinu sisselogimiskoodid tulevad sellele numbrile, seega saad seda muuta lehel { $link }.
account-language-hint = Lehed, e-kirjad ja SMS-id on selles keeles kõigis seadmetes, kus sisse logid.
account-choose-language = Vali üks pakutud keeltest.
account-profile-phone-title = Muuda oma telefoninumbrit
account-profile-phone-intro = Sisesta oma uus telefoninumber. Saadame sellele SMS-iga koodi: number salvestatakse, kui oled koodi sisestanud.
account-back-to-profile = Tagasi profiili juurde
account-ask-administrator = Siin ei saa sa oma telefoninumbrit muuta. Palu oma administraatoril seda muuta.
account-codes-go-to-phone = Sinu sisselogimiskoodid tulevad sinu telefoninumbrile: muuda seda lehel „Minu turvaseaded“.
account-enter-new-phone = Sisesta oma uus telefoninumber.
account-phone-invalid = See pole kehtiv telefoninumber. Kontrolli riigikoodi ja numbreid.
account-profile-code-sent = Saatsime 6-kohalise koodi SMS-iga numbrile { $phone }. Uue numbri salvestamiseks sisesta see.
account-verify-new-phone = Kinnita oma uus telefoninumber
account-no-code-waiting = Uuele telefoninumbrile pole ühtegi koodi ootel. Sisesta kõigepealt uus number.
