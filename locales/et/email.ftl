# E-kirjad: iga kirja raam, turvateated ja lingiga kirjad.
# { $app } on platvormi rakenduse nimi. Nimi jääb käändumata: "teenuses { $app }",
# teemareal "{ $app }: …".

## Raam
email-hello = Tere!
email-hello-name = Tere, { $name }!
email-account = Konto
email-when = Aeg
email-device = Seade
email-from-address = IP-aadress
# Brauser või aadress, mis ei öelnud, mis see on.
email-unknown-device = Tundmatu
email-unknown-address = tundmatu

## Turvateated: teema, siis mis juhtus
email-device-trusted-subject = { $app }: sinu kontole lisati usaldusväärne seade
email-device-trusted = { $device } logib nüüd sinu kontole sisse ilma kinnituskoodita.
email-recovery-code-used-subject = { $app }: sisselogimiseks kasutati taastekoodi
email-recovery-code-used = Sinu kontole logiti just sisse taastekoodiga. { $count ->
    [one] Sul on jäänud { $count } taastekood.
   *[other] Sul on jäänud { $count } taastekoodi.
}
email-two-step-on-subject = { $app }: kaheastmeline kinnitamine on sisse lülitatud
email-two-step-on = Kaheastmeline kinnitamine lülitati sisse. Sisselogimiskoodid tulevad nüüd { $method }.
# Kust sisselogimiskoodid tulevad, sõna „tulevad nüüd“ järel (seestütlev või kaasaütlev kääne).
email-codes-from-app = autentimisrakendusest
email-codes-from-sms = SMS-iga numbrile { $phone }
email-codes-from-passkey = pääsuvõtmest
email-method-changed-subject = { $app }: sisselogimiskoodid tulevad nüüd { $method }
email-method-changed = Sisselogimiskoodide saamise viis muutus. Koodid tulevad nüüd { $method }.
email-phone-changed-subject = { $app }: sinu telefoninumber on muudetud
email-phone-changed = Sisselogimiskoodid saadetakse nüüd SMS-iga numbrile { $phone }.
email-two-step-off-subject = { $app }: kaheastmeline kinnitamine on välja lülitatud
email-two-step-off = Kaheastmeline kinnitamine lülitati välja. Sisselogimiseks piisab nüüd ainult paroolist.
email-factor-removed-subject = { $app }: sinu kontolt eemaldati sisselogimisviis
email-factor-removed = Sisselogimisviisi „{ $method }“ ei saa enam sinu kontole sisselogimiseks kasutada.
email-passkey-added-subject = { $app }: sinu kontole lisati pääsuvõti
email-passkey-added = Pääsuvõti „{ $name }“ lisati: sellega saab nüüd sinu kontole sisse logida.
email-passkey-removed-subject = { $app }: sinu kontolt eemaldati pääsuvõti
email-passkey-removed = Pääsuvõtmega „{ $name }“ ei saa enam sinu kontole sisse logida.
email-account-disabled-subject = { $app }: sinu konto on keelatud
email-account-disabled = Administraator keelas sinu konto: sellega ei saa enam sisse logida ja kõik seansid logiti välja.
email-account-enabled-subject = { $app }: sinu konto on taas lubatud
email-account-enabled = Administraator lubas sinu konto uuesti: saad sisse logida nagu varem.
email-made-admin-subject = { $app }: oled nüüd administraator
email-made-admin = Administraator tegi sinust administraatori: saad nüüd avada halduskeskuse, hallata kasutajaid ja muuta turvaseadeid.
email-no-longer-admin-subject = { $app }: sa ei ole enam administraator
email-no-longer-admin = Administraator eemaldas sinu administraatori rolli: halduskeskus on sulle suletud. Muus osas sinu konto ei muutunud.
email-signed-out-by-admin-subject = { $app }: sind logiti kõikjal välja
email-signed-out-by-admin = Administraator logis sinu konto kõigis seadmetes välja. Jätkamiseks logi uuesti sisse.
email-phone-set-by-admin = Administraator määras sinu konto telefoninumbriks { $phone }.
email-phone-removed-by-admin-subject = { $app }: sinu telefoninumber eemaldati
email-phone-removed-by-admin = Administraator eemaldas sinu kontolt telefoninumbri.
email-password-changed-subject = { $app }: sinu parool on muudetud
email-password-changed = Sinu konto parool muudeti ning kõik seansid ja usaldusväärsed seadmed logiti välja.
email-reset-by-admin-subject = { $app }: administraator lähtestas sinu kaheastmelise kinnitamise
email-reset-by-admin = Administraator lähtestas sinu konto kaheastmelise kinnitamise: sinu sisselogimisviisid, taastekoodid ja usaldusväärsed seadmed eemaldati ning kõik seansid logiti välja. Järgmisel sisselogimisel võidakse sul paluda kaheastmeline kinnitamine uuesti seadistada.
email-room-phone-set-subject = Andmeruumi { $room } avamisel küsitakse koodi
email-room-phone-set = Andmeruumi { $room } administraator määras seal sinu kaheastmelise kinnitamise telefoninumbriks { $phone }. Ruumi avamiseks on nüüd vaja koodi, mis saadetakse sellele numbrile SMS-iga, üks kord seansi kohta.
email-room-phone-cleared-subject = Andmeruumi { $room } avamisel ei küsita enam koodi
email-room-phone-cleared = Andmeruumi { $room } administraator eemaldas seal sinu kaheastmelise kinnitamise telefoninumbri. Ruumi avamiseks pole enam koodi vaja.
email-recovery-codes-replaced-subject = { $app }: sinu kontole loodi uued taastekoodid
email-recovery-codes-replaced = Loodi uued taastekoodid. Varasemad koodid enam ei tööta.
email-temporary-code-issued-subject = { $app }: sinu kontole väljastati ajutine pääsukood
# Eesti keeles on "1 tunni jooksul" ja "8 tunni jooksul" sama vormiga.
email-temporary-code-issued = Administraator väljastas sinu kontole ajutise pääsukoodi. Koos parooliga saad sellega kinnituskoodi asemel ühe korra sisse logida { $count } tunni jooksul. Administraator annab selle sulle isiklikult või telefoni teel; seda ei saadeta kunagi e-postiga.
email-temporary-code-used-subject = { $app }: sisselogimiseks kasutati ajutist pääsukoodi
email-temporary-code-used = Sinu kontole logiti just sisse ajutise pääsukoodiga. Seda ei saa enam uuesti kasutada. Seadista uus telefon või rakendus, et saaksid jälle koodiga sisse logida.

## Turvateated: mida edasi teha. { $link } on lehe nimi, lingina.
email-advice-ask-if-mistake = Kui arvad, et see on viga, pöördu oma administraatori poole.
email-advice-temporary-code = Kui sa ei palunud administraatorilt koodi, anna talle kohe teada.
email-advice-reset-by-admin = Kui sa seda ei palunud, anna oma administraatorile teada. Kaheastmelise kinnitamise saad uuesti seadistada lehel { $link }
email-advice-ask-room-admin = Kui sa seda ei oodanud, pöördu andmeruumi { $room } administraatori poole.
email-advice-tell-admin = Kui sa seda ei oodanud, anna oma administraatorile teada.
email-advice-new-password = Kui see polnud sina, vali kohe uus parool lingiga { $link }
email-advice-review = Kui see polnud sina, muuda kohe oma parooli ja kontrolli lehte { $link }
email-link-security-settings = Minu turvaseaded
email-link-forgot-password = Unustasid parooli?

## Kirjad: ühekordne link või koht, kuhu minna
email-choose-new-password-30-minutes = Vali uus parool (30 minuti jooksul; link töötab ühe korra)
email-reset-subject = { $app }: parooli lähtestamine
email-reset-pending-lead = Keegi palus aadressilt { $ip } lähtestada teenuse { $app } konto parooli. Konto on registreeritud telefoninumbriga { $phone } ja sellele kontole on antud see e-posti aadress.
email-reset-pending-code = See aadress pole veel kinnitatud, seega küsib leht ka koodi, mille saadame SMS-iga numbrile { $phone }: ainult lingiga parooli muuta ei saa. Kui teed mõlemad, kinnitatakse see aadress konto jaoks.
email-reset-pending-ignore = Kui see polnud sina, jäta see kiri tähelepanuta: midagi ei muutu.
email-reset-lead = Keegi palus aadressilt { $ip } lähtestada sinu konto ({ $email }) parooli teenuses { $app }.
email-reset-two-step-stays = Sinu kaheastmeline kinnitamine jääb sisse lülitatuks: ka pärast seda logid sisse oma koodiga.
email-reset-ignore = Kui see polnud sina, jäta see kiri tähelepanuta: sinu parool jääb samaks.

email-confirm-subject = { $app }: kinnita oma e-posti aadress
email-confirm-lead = Keegi, tõenäoliselt sina, lõi aadressilt { $ip } teenusesse { $app } konto aadressiga { $email }.
email-confirm-link = Kinnita oma e-posti aadress ja logi sisse (24 tunni jooksul; link töötab ühe korra)
email-confirm-ignore = Kui see polnud sina, jäta see kiri tähelepanuta: ilma lingita kontot kasutada ei saa.

email-existing-subject = { $app }: sul on juba konto
email-existing-lead = Keegi, tõenäoliselt sina, püüdis aadressilt { $ip } luua teenusesse { $app } kontot aadressiga { $email }. Sul on juba konto, seega midagi ei loodud.
email-existing-sign-in = Logi sisse
email-existing-forgot = Unustasid parooli? Küsi lähtestamise linki
email-existing-ignore = Kui see polnud sina, võid selle kirja tähelepanuta jätta: sinu konto ei muutunud.

email-new-sign-in-subject = { $app }: uus sisselogimine sinu kontole
email-new-sign-in-lead = Sinu kontole ({ $email }) teenuses { $app } logiti just sisse brauserist, mida see konto varem kasutanud ei ole.
email-new-sign-in-not-me = See polnud mina (7 päeva jooksul; link töötab ühe korra)
email-sign-in-when = Aeg: { $when }
email-sign-in-browser = Brauser ja süsteem: { $browser }
email-sign-in-address = IP-aadress: { $ip }

email-secured-subject = { $app }: vali uus parool
email-secured-lead = Andsid teada, et sisselogimine sinu kontole ({ $email }) teenuses { $app } polnud sinu tehtud. Kõik seansid logiti välja, sinu usaldusväärsed seadmed eemaldati ja vana parool enam ei tööta.
email-secured-link = Vali uus parool (24 tunni jooksul; link töötab ühe korra)
email-secured-two-step-stays = Sinu kaheastmeline kinnitamine jääb sisse lülitatuks: logid sisse uue parooli ja oma koodiga.
email-secured-tell-admin = Räägi juhtunust oma administraatorile.

email-unfinished-subject = Sinu parooli kasutati, kuid sisselogimist ei lõpetatud
email-unfinished-lead = Keegi sisestas sinu konto ({ $email }) õige parooli teenuses { $app }, kuid ei läbinud teist sammu. Sinu kaheastmeline kinnitamine peatas ta.
email-unfinished-change = Muuda parooli
email-unfinished-advice = Kui see olid sina, pole vaja midagi teha. Kui mitte, teab keegi sinu parooli: muuda see kohe või kasuta sisselogimislehel linki „Unustasid parooli?“.

email-created-subject = { $app }: sinu konto
email-created-lead = Administraator lõi sulle teenusesse { $app } konto ({ $email }).
email-choose-password-72-hours = Vali oma parool (72 tunni jooksul; link töötab ühe korra)
email-created-then-sign-in = Seejärel logi sisse oma e-posti aadressi ja selle parooliga.
email-password-link-subject = { $app }: vali oma parool
email-password-link-lead = Administraator tegi sulle lingi, millega valida oma konto ({ $email }) parool teenuses { $app }.
email-password-link-two-step-stays = Sinu kaheastmeline kinnitamine jääb sisse lülitatuks.

email-invitation-subject = { $app }: kutse andmeruumi { $room }
email-invitation-lead = { $name } kutsus sind teenuses { $app } andmeruumi { $room }.
email-invitation-link = Loo konto ja liitu (7 päeva jooksul; link töötab ühe korra)
email-invitation-ignore = Konto luuakse aadressile { $email }. Kui sa seda ei oodanud, jäta see kiri tähelepanuta.

email-help-subject = { $name } ei saa teenusesse { $app } sisse logida: telefon on kadunud
email-help-lead = { $name } ({ $email }) logis sisse oma parooliga, kuid ei saa kinnituskoodi: ta ütleb, et kaotas telefoni, ja palus administraatoritelt abi.
email-help-link = Ava tema leht halduskeskuses
email-help-verify = Enne aitamist veendu, et see on tõesti tema: helista talle numbril, mida juba tead, või kohtu temaga isiklikult.
email-help-issue = Seejärel väljasta talle ajutine pääsukood ja loe see talle ette. Midagi ei lülitata välja ja ta seadistab pärast sisselogimist uue telefoni või rakenduse.

email-budget-subject = Tänasest SMS-i eelarvest on kasutatud 80%
email-budget-lead = Portaal saadab uutele numbritele (numbritele, mida ükski konto pole kinnitanud) päevas kuni { $budget } SMS-i; täna on neist välja läinud { $sent }. Kui eelarve on täis, peatuvad SMS-id uutele numbritele südaööni (UTC); kinnitatud numbritele saadetakse koode edasi.
email-budget-link = Vaata SMS-ide statistikat halduskeskuse ülevaates
email-budget-advice = Järsk tõus või paljud ühte riiki saadetud koodid, mida kunagi ei sisestata, viitavad SMS-pumpamisele. Päevaeelarvet ja piiranguid saad muuta halduskeskuse lehel „Turvaseaded“.
