# Sisselogimine: sisselogimisleht, teine samm (kood, pääsuvõti, taastekood, ajutine
# pääsukood, „Kaotasid telefoni?“), telefoninumbriga sisselogimine, rakenduse sisse- ja
# väljalogimine (oauth-) ja „See polnud mina“ (secure-).

## Sisselogimisleht
login-title = Logi sisse
login-email = E-post
login-password = Parool
login-submit = Logi sisse
login-forgot-password = Unustasid parooli?
login-with-passkey = Logi sisse pääsuvõtmega
login-with-phone = Logi sisse telefoninumbriga
login-no-account = Sul pole veel kontot?
login-create-account = Loo konto
login-enter-email = Sisesta oma e-posti aadress.
login-enter-password = Sisesta oma parool.
# Sama teade iga ebaõnnestunud sisselogimise korral, olenemata sellest, kas konto on olemas.
login-wrong-credentials = E-posti aadress või parool on vale.
login-throttled = Liiga palju ebaõnnestunud sisselogimiskatseid. Oota 15 minutit ja proovi uuesti.
login-signed-out-by-administrator = Administraator logis sind välja. Jätkamiseks logi uuesti sisse.
login-disabled = See konto on keelatud. Kui arvad, et see on viga, pöördu oma administraatori poole.
login-unconfirmed = Sinu e-posti aadress pole veel kinnitatud. Saatsime sulle lingi: ava see, et oma kontot kasutama hakata.

## Koodi leht: kinnituskood SMS-iga või autentimisrakendusest
login-code-title = Sisesta kinnituskood
login-code-label = Kinnituskood
login-sms-hint = 6-kohaline kood SMS-ist. See kehtib 10 minutit.
login-app-hint = 6-kohaline kood, mida sinu autentimisrakendus praegu näitab.
login-trust-device = Usalda seda seadet
login-trust-hint = Ära küsi selles brauseris enam koodi. Parool on endiselt vajalik. Märgi see ainult siis, kui seade on sinu oma.
login-verify = Kinnita
login-cancel-sign-out = Katkesta ja logi välja
# { $phone } on varjatud number: „+46 ••• •• 67“.
login-sms-sent = Saatsime SMS-iga 6-kohalise koodi numbrile { $phone }.
login-sms-cannot-send = Me ei saa praegu numbrile { $phone } koodi saata.
login-sms-can-send = Saame saata SMS-iga 6-kohalise koodi numbrile { $phone }. Vali „Saada kood“ ja sisesta seejärel kood.
login-sms-none-waiting = Numbrile { $phone } pole ühtegi koodi ootel. Uue saamiseks vali „Saada uuesti“.
login-app-intro = Ava oma autentimisrakendus ja sisesta kood, mida see selle konto jaoks näitab.
login-send-code = Saada kood
login-send-again = Saada uuesti
# { $time } on kellaaeg („19:14:05 UTC“); { $seconds } on sekundite arv, mis lehel
# allapoole loeb; { $count } on sama arv, mitmuse vormi jaoks.
login-resend-wait = { $count ->
    [one] Uue koodi saad küsida kell { $time } ({ $seconds } sekundi pärast).
   *[other] Uue koodi saad küsida kell { $time } ({ $seconds } sekundi pärast).
}
login-resend-ready = Nüüd saad küsida uue koodi.
login-resend-missing = Kood jäi saamata?
login-code-wrong = { $count ->
    [one] See kood pole õige. Sul on veel { $count } katse.
   *[other] See kood pole õige. Sul on veel { $count } katset.
}
login-code-locked = Liiga palju valesid koode: seda koodi ei saa enam kasutada. Küsi uus kood nupuga „Saada uuesti“.
login-code-expired = See kood on aegunud. Küsi uus kood nupuga „Saada uuesti“.
login-code-none = Kasutamist ootavat koodi pole. Küsi uus kood nupuga „Saada uuesti“.
login-app-code-replayed = Seda koodi on juba kasutatud. Oota, kuni rakendus näitab uut koodi.
login-app-code-wrong = See kood pole õige. Sisesta kood, mida rakendus praegu näitab.
login-too-many-codes = Liiga palju valesid koode. Oota 15 minutit ja proovi uuesti.
# Miks praegu koodi saata ei saa. { $time } on kellaaeg („19:14:05 UTC“); { $count } on
# oodatavad sekundid.
login-limit-cooldown = { $count ->
    [one] Kood saadeti just äsja. Uue saad küsida { $count } sekundi pärast.
   *[other] Kood saadeti just äsja. Uue saad küsida { $count } sekundi pärast.
}
login-limit-codes-or-other-way = Oled küsinud liiga palju koode. Uue saad küsida kell { $time }, aga võid ka allpool muul viisil sisse logida.
login-limit-codes = Oled küsinud liiga palju koode. Uue saad küsida kell { $time }.
login-limit-phone = Sellele telefoninumbrile on täna saadetud liiga palju koode. Uue saad küsida kell { $time }.
login-limit-network = Sinu võrgust on küsitud liiga palju koode. Uue saad küsida kell { $time }.
login-limit-budget = SMS-ide saatmine uutele numbritele on tänaseks peatatud: portaal on saatnud juba päevase piirmäära jagu. Koodi saad uuesti küsida pärast südaööd (UTC); juba kinnitatud numbritele saadetakse koode endiselt.
login-limit-new-number = Sellele telefoninumbrile on täna saadetud liiga palju koode. Uue saad küsida pärast südaööd (UTC).
login-limit-new-address = Sinu aadressilt on täna küsitud liiga palju koode uutele numbritele. Uue saad küsida pärast südaööd (UTC).
login-limit-new-network = Sinu võrgust on täna küsitud liiga palju koode uutele numbritele. Uue saad küsida pärast südaööd (UTC).
login-limit-new-country = Selle riigi numbritele on täna saadetud liiga palju koode. Uue saad küsida pärast südaööd (UTC) või kasuta mõne teise riigi numbrit.
login-send-rejected = SMS-i ei õnnestunud sellele numbrile kohale toimetada. Kontrolli numbrit või kasuta hetke pärast nuppu „Saada uuesti“.
login-send-unavailable = Me ei saanud SMS-i praegu saata. Kasuta hetke pärast nuppu „Saada uuesti“.
login-send-failed = Koodi saatmisel läks midagi valesti. Proovi hetke pärast uuesti.
login-code-missing = Sisesta kinnituskood.
login-code-malformed = Sisesta SMS-is olev 6-kohaline kood.
login-passkey-owed = Sinu administraator palub sul sisse logida pääsuvõtmega. Vali sisselogimislehel „Logi sisse pääsuvõtmega“ või logi sisse e-posti ja parooliga ning seejärel pääsuvõtmega.
login-passkeys-only = Sinu administraator nõuab sinu kontolt pääsuvõtit: SMS-iga saadetud ja rakenduse koode ei võeta vastu. Kasuta oma pääsuvõtit või taastekoodi.
login-passkeys-only-unavailable = Sinu administraator nõuab sinu kontolt pääsuvõtit, kuid pääsuvõtmeid ei saa siin praegu kasutada. Kasuta taastekoodi.

## Muud viisid sisselogimise lõpetamiseks, vormi all
login-use-sms = Kasuta SMS-i
login-use-app = Kasuta autentimisrakendust
login-use-passkey = Kasuta pääsuvõtit
login-use-recovery-code = Kasuta taastekoodi
login-use-temporary-code = Kasuta ajutist pääsukoodi
login-lost-phone = Kaotasid telefoni?
login-use-code-instead = Kasuta hoopis kinnituskoodi

## Taastekood
login-recovery-intro = Sisesta üks taastekoodidest, mille salvestasid kaheastmelise kinnitamise sisselülitamisel. Iga koodi saab kasutada ühe korra.
login-recovery-label = Taastekood
login-recovery-example = Näiteks 7KQM-2XHD-9RTF.
login-recovery-enter = Sisesta üks oma taastekoodidest.
login-recovery-wrong = See taastekood pole õige või on seda juba kasutatud.

## Ajutine pääsukood
login-temporary-intro = Kui kaotasid telefoni, võib administraator anda sulle ajutise pääsukoodi isiklikult või telefoni teel. Koos parooliga saad sellega kinnituskoodi asemel ühe korra sisse logida. Seejärel seadista uus telefon või rakendus.
login-temporary-label = Ajutine pääsukood
login-temporary-example = 16 tähte ja numbrit, näiteks 7KQM-2XHD-9RTF-B4NW.
login-temporary-enter = Sisesta ajutine pääsukood, mille sinu administraator sulle andis.
login-temporary-wrong = See kood pole õige või ei kehti enam. Kontrolli koodi koos oma administraatoriga üle; pärast 5 valet katset tuleb väljastada uus kood.

## „Kaotasid telefoni?“
login-lost-still = Saad ikkagi sisse logida, ilma midagi välja lülitamata:
login-lost-recovery-name = Taastekood.
login-lost-recovery-text = Kaheastmelise kinnitamise sisselülitamisel salvestasid kümme taastekoodi. Igaüht neist saab kinnituskoodi asemel kasutada ühe korra.
login-lost-temporary-name = Ajutine pääsukood.
login-lost-temporary-text = Administraator saab selle sulle anda isiklikult või telefoni teel, kui on veendunud, et see oled sina. Seda saab koos parooliga kasutada ühe korra ja ainult mõne tunni jooksul.
login-lost-then = Kui oled sisse loginud, seadista lehel „Minu turvaseaded“ oma uus telefon või autentimisrakendus.
login-lost-ask-heading = Küsi ajutist pääsukoodi
login-lost-ask-text = Anname sinu administraatoritele e-postiga teada, et sa ei saa koodi kätte. Sinu parooli me kellelegi ei avalda.
login-lost-ask-button = Palu oma administraatoritelt abi
login-lost-asked-title = Sinu administraatoritele on teada antud
login-lost-asked-text = Andsime sinu administraatoritele e-postiga teada, et sa ei saa kinnituskoodi kätte. Üks neist võtab sinuga ühendust, et veenduda, et see oled sina, ja saab seejärel anda sulle ajutise pääsukoodi.
# { $link } on link „Kasuta ajutist pääsukoodi“ (login-use-temporary-code).
login-lost-asked-then = Kui oled selle saanud, vali { $link } või logi uuesti sisse ja leia link kinnituskoodi alt.
login-back-to-code = Tagasi kinnituskoodi juurde

## Pääsuvõtmed
login-back = Tagasi
login-passkey-sign-in-intro = Parooli pole vaja: vali „Logi sisse pääsuvõtmega“, vali oma konto ja ava pääsuvõti sõrmejälje, näotuvastuse, ekraaniluku või turvavõtme PIN-koodiga.
login-with-email = Logi sisse oma e-posti ja parooliga
login-passkey-unavailable = Pääsuvõtmeid ei saa siin kasutada: see portaal on avatud IP-aadressi kaudu, aga brauserid kasutavad pääsuvõtmeid ainult saidi nimega aadressil. Logi sisse e-posti ja parooliga.
login-passkey-step-title = Kasuta oma pääsuvõtit
login-passkey-step-intro = Vali „Kasuta pääsuvõtit“ ja järgi seejärel brauseri juhiseid: see võib küsida sinu telefoni, sõrmejälge või näotuvastust, ekraanilukku või turvavõtit.
login-passkey-trust-hint = Ära küsi selles brauseris enam pääsuvõtit ega koodi. Parool on endiselt vajalik. Märgi see ainult siis, kui seade on sinu oma.
login-passkey-copied = See pääsuvõti lükati tagasi: see võib olla kopeeritud. Logi sisse muul viisil ja teavita oma administraatorit.
login-passkey-not-accepted = Sinu pääsuvõtit ei võetud vastu. Vajuta nuppu uuesti ja kasuta selle konto pääsuvõtit või vali muu viis.
# Said by static/passkey.js on the page, from the form's data attributes.
login-passkey-unsupported = See brauser ei saa pääsuvõtmeid kasutada. Kasuta allpool muud viisi või teist brauserit.
login-passkey-script-not-used = Pääsuvõtit ei kasutatud. Proovi uuesti või kasuta allpool muud viisi.

## Telefoninumbriga sisselogimine
login-phone-intro = Sisesta oma kontoga seotud telefoninumber. Saadame sulle SMS-iga koodi, millega sisse logida.
login-phone-email-link = Logi sisse e-posti ja parooliga
login-phone-register = Registreeru telefoninumbriga
login-phone-sent = Saatsime SMS-iga 6-kohalise koodi numbrile { $phone }. Jätkamiseks sisesta see.
# Sõnastatud nii, et see on tõsi, olenemata sellest, kas numbril on konto.
login-phone-sent-if = Kui { $phone } on mõne konto kinnitatud number, saatsime sellele SMS-iga 6-kohalise koodi. Sisselogimiseks sisesta see.
login-no-phone-sign-in = Telefoninumbriga sisselogimist pole pooleli või see kestis üle 10 minuti. Alusta uuesti lingist „Logi sisse telefoninumbriga“.
login-no-password-step = Ükski sisselogimine ei oota sinu parooli või see kestis üle 10 minuti. Alusta uuesti lingist „Logi sisse telefoninumbriga“.
login-password-title = Sisesta oma parool
login-phone-password-intro = Sinu konto kasutab kaheastmelist kinnitamist, seega ei piisa üksnes telefonile saadetud koodist. Sisselogimise lõpetamiseks sisesta ka oma parool.
login-phone-no-password = Sinu kontol pole veel parooli. Vali allpool „Unustasid parooli?“ ja sisesta oma e-posti aadress: saadame sulle lingi parooli määramiseks (kui sinu aadress pole veel kinnitatud, küsib leht ka koodi, mille saadame SMS-iga sellele telefonile).
login-password-wrong = Parool on vale.
login-app-code-title = Sisesta autentimisrakenduse kood
login-phone-app-intro = Sinu konto kasutab kaheastmelist kinnitamist, seega ei piisa üksnes telefonile saadetud koodist. Sisselogimise lõpetamiseks sisesta kood, mida sinu autentimisrakendus näitab.
login-use-password-instead = Kasuta hoopis oma parooli

## Meeldetuletus kaheastmelise kinnitamise sisselülitamiseks (avaleht ja selle eelvaade halduskeskuses)
login-reminder = { $app } toetab nüüd kaheastmelist kinnitamist. See muudab konto turvalisemaks: lisaks paroolile logid sisse ka koodiga, mis saadetakse SMS-iga sinu telefonile.

## Rakenduse sisse- ja väljalogimine
oauth-unreadable = Päringut ei õnnestunud lugeda.
oauth-repeated = Rakenduse sisselogimispäringus on sama parameeter mitu korda. Mine tagasi rakendusse ja proovi uuesti; kui see kordub, teavita rakenduse administraatorit.
oauth-unknown-application = Rakendus, mis sind siia saatis, pole selles portaalis registreeritud, seega ei saa sa siit sellesse sisse logida. Teavita rakenduse administraatorit.
oauth-unregistered-redirect = Rakendus soovis sind tagasi saata aadressile, mis pole selle jaoks registreeritud, seega sisselogimine katkeb siin. Teavita rakenduse administraatorit.
oauth-no-longer-waiting-why = See sisselogimine rakendusse pole enam pooleli (see on juba lõpetatud või jäi liiga kauaks ootele). Mine tagasi rakendusse ja logi uuesti sisse.
oauth-no-longer-waiting = See sisselogimine rakendusse pole enam pooleli. Mine tagasi rakendusse ja logi uuesti sisse.
oauth-application-gone = Rakendus, millesse sisse logisid, pole enam selles portaalis registreeritud.
oauth-step-up-title = { $application } küsib kaheastmelist kinnitamist
oauth-step-up-sms = Oled parooliga sisse loginud teenusesse { $app }. { $application } küsib ka teist sammu: saadame sinu telefonile SMS-iga koodi.
oauth-step-up-app = Oled parooliga sisse loginud teenusesse { $app }. { $application } küsib ka teist sammu: sisestad koodi oma autentimisrakendusest.
oauth-continue = Jätka
oauth-logout-title = Kas logida välja teenusest { $app }?
oauth-logout-application-asks = { $application } palub sind välja logida ka teenusest { $app }.
oauth-logout-an-application-asks = Üks rakendus palub sind välja logida teenusest { $app }.
oauth-logout-explain = Siin välja logides lõpeb sinu seanss selles brauseris: teised rakendused, millesse oled teenuse { $app } kaudu sisse loginud, paluvad sul uuesti sisse logida.
oauth-logout-button = Logi välja teenusest { $app }
oauth-stay-signed-in = Jää sisse logituks
oauth-logout-repeated = Rakenduse väljalogimispäringus on sama parameeter mitu korda.
oauth-logout-bad-hint = Rakenduse väljalogimispäring nimetab teist rakendust kui selle ID-tõend. Mine tagasi rakendusse; kui see kordub, teavita rakenduse administraatorit.
oauth-logout-not-registered = Rakendus soovis sind pärast väljalogimist saata aadressile, mis pole selle jaoks registreeritud, seega jääd siia. Teavita rakenduse administraatorit.

## „See polnud mina“, uue seadme e-kirjast
secure-title = Kaitse oma kontot
secure-not-you = Andsid meile teada, et sisselogimine kontole { $email } polnud sinu tehtud. Keegi võib teada sinu parooli.
secure-what = Konto kaitsmine:
secure-signs-out = logib välja kõik seansid kõigis seadmetes, ka selles;
secure-removes-devices = eemaldab sinu usaldusväärsed seadmed, nii et iga sisselogimine küsib koodi;
secure-stops-password = muudab sinu parooli kehtetuks ja saadab sulle e-postiga lingi uue parooli valimiseks.
secure-button = Kaitse mu kontot
secure-done-title = Sinu konto on kaitstud
secure-done-text = Sinu konto kõik seansid on välja logitud, selle usaldusväärsed seadmed on eemaldatud ja vana parool enam ei tööta.
secure-done-email = Saatsime sulle e-postiga lingi uue parooli valimiseks. Linki saab kasutada ühe korra 24 tunni jooksul. Sinu kaheastmeline kinnitamine jääb sisse lülitatuks.
secure-tell-administrator = Räägi oma administraatorile, mis juhtus.
secure-link-dead = See link on aegunud või seda on juba kasutatud. Kui sind teeb murelikuks sisselogimine, mida sa ei teinud, vali sisselogimislehel „Unustasid parooli?“ ja teavita oma administraatorit.
