# Avalikud lehed: registreerimine, paroolilingid, kutsed, esimene administraator, avaleht,
# andmeruumi sisenemine ja vealehed.

## Uue konto väljad.
public-field-name = Nimi
public-field-email = E-post
public-field-password = Parool
public-password-hint = Vähemalt 8 märki. Mõni omavahel mitteseotud sõna annab tugeva parooli.
public-password-hint-short = Vähemalt 8 märki, raskesti äraarvatav.
public-choose-password = Vali parool.
public-email-taken = Selle e-posti aadressiga konto on juba olemas.
public-email-missing = Sisesta oma e-posti aadress.
public-email-invalid = Sisesta e-posti aadress kujul nimi@example.com.
public-name-missing = Sisesta oma nimi.
public-name-too-long = Nimes võib olla kõige rohkem { $max } märki.
public-name-unshowable = Sinu nimes on märke, mida ei saa kuvada.

## Uue parooli reeglid ja põhjus, miks zxcvbn peab seda kergesti äraarvatavaks.
public-password-too-short = { $count ->
    [one] Kasuta vähemalt { $count } märki.
   *[other] Kasuta vähemalt { $count } märki.
}
public-password-too-long = { $count ->
    [one] Kasuta kõige rohkem { $count } märki.
   *[other] Kasuta kõige rohkem { $count } märki.
}
# { $reason } on üks allolevatest lausetest.
public-password-too-guessable = Seda parooli on liiga lihtne ära arvata. { $reason }
public-password-weak-default = Lisa veel sõnu või märke, mis pole levinud.
public-password-weak-straight-rows = Klaviatuuri sirgeid klahviridu on lihtne ära arvata.
public-password-weak-keyboard-patterns = Lühikesi klaviatuurimustreid on lihtne ära arvata.
public-password-weak-repeats = Kordusi nagu „aaa“ on lihtne ära arvata.
public-password-weak-repeated-groups = Kordusi nagu „abcabcabc“ on vaid veidi raskem ära arvata kui „abc“.
public-password-weak-top-10 = See on üks 10 levinuimast paroolist.
public-password-weak-top-100 = See on üks 100 levinuimast paroolist.
public-password-weak-common = See on väga levinud parool.
public-password-weak-similar = See sarnaneb levinud paroolile.
public-password-weak-sequences = Jadasid nagu abc või 6543 on lihtne ära arvata.
public-password-weak-recent-years = Viimaseid aastaid on lihtne ära arvata.
public-password-weak-single-word = Üksikut sõna on lihtne ära arvata.
public-password-weak-dates = Kuupäevi on sageli lihtne ära arvata.
public-password-weak-names = Pelgalt ees- või perekonnanime on lihtne ära arvata.
public-password-weak-common-names = Levinud ees- ja perekonnanimesid on lihtne ära arvata.
public-password-tip-few-words = Kasuta mõnda sõna ja väldi levinud väljendeid.
public-password-tip-no-symbols-needed = Sümboleid, numbreid ega suurtähti pole vaja.
public-password-tip-another-word = Lisa veel üks või kaks sõna. Harvad sõnad on paremad.
public-password-tip-capitals = Suurtähed ei aita eriti.
public-password-tip-all-capitals = Ainult suurtähti on peaaegu sama lihtne ära arvata kui ainult väiketähti.
public-password-tip-reversed = Tagurpidi kirjutatud sõnu pole palju raskem ära arvata.
public-password-tip-substitutions = Etteaimatavad asendused, nagu „@“ „a“ asemel, ei aita eriti.
public-password-tip-longer-pattern = Kasuta pikemat ja rohkemate pööretega klaviatuurimustrit.
public-password-tip-repeats = Väldi korduvaid sõnu ja märke.
public-password-tip-sequences = Väldi jadasid.
public-password-tip-recent-years = Väldi viimaseid aastaid.
public-password-tip-your-years = Väldi aastaid, mis on sinuga seotud.
public-password-tip-your-dates = Väldi kuupäevi ja aastaid, mis on sinuga seotud.

## Konto loomine.
public-register-title = Loo konto
public-register-button = Loo konto
public-register-with-phone = Registreeru telefoninumbriga
public-have-account = Kas sul on juba konto?
public-sign-in = Logi sisse
public-registration-closed = Siin ei saa ise kontot luua. Palu kontot oma administraatorilt.
public-too-many-accounts = Sinu võrgust on loodud liiga palju kontosid. Oota 15 minutit ja proovi uuesti.
public-check-email-title = Vaata oma e-posti
public-check-email-sent = Saatsime e-kirja aadressile { $address }. Lõpetamiseks ava selles olev link: see kehtib 24 tundi.
public-check-email-sent-unknown = Saatsime e-kirja sinu antud aadressile. Lõpetamiseks ava selles olev link: see kehtib 24 tundi.
public-check-email-again = Kui kiri pole mõne minuti jooksul kohale jõudnud, vaata rämpspostikausta või { $link }, et saada uus link.
public-check-email-again-link = loo konto uuesti
public-confirm-title = Kinnita oma e-posti aadress
public-confirm-intro-password = Sisesta parool, mille valisid konto loomisel, et see aadress kinnitada ja seda kasutama hakata. Sind logitakse sisse.
public-confirm-intro = Kinnita see aadress, et oma kontot kasutama hakata. Sind logitakse sisse.
public-confirm-button = Kinnita e-posti aadress
public-confirm-link-dead = See link on aegunud või juba kasutatud. Uue saamiseks loo konto uuesti või logi sisse, kui oled selle juba kinnitanud.
public-confirm-throttled = Liiga palju valesid paroole. Oota 15 minutit ja proovi uuesti.
public-confirm-password-wrong = Sisesta parool, mille valisid konto loomisel. Kui lõid konto mitu korda, sobib ükskõik milline neist paroolidest; kui unustasid selle, loo konto uuesti.

## Telefoninumbriga registreerumine.
public-register-phone-intro = Sisesta oma telefoninumber. Saadame sulle SMS-iga koodi, millega tõendad, et number on sinu; seejärel sisestad oma nime ja e-posti aadressi.
public-register-with-email = Registreeru e-posti ja parooliga
public-have-account-sign-in = Kas sul on juba konto? Logi sisse
public-code-sent-to = Saatsime SMS-iga 6-kohalise koodi numbrile { $phone }.
public-send-again = Saada uuesti
public-enter-code-title = Sisesta kinnituskood
public-no-phone-registration = Telefoninumbriga registreerumist pole pooleli või see kestis üle 10 minuti. Alusta uuesti lingist „Registreeru telefoninumbriga“.
public-details-title = Sinu nimi ja e-post
public-details-intro = Sinu telefoninumber { $phone } on kinnitatud. Konto loomise lõpetamiseks sisesta oma nimi ja e-posti aadress. Saadame aadressi kinnitamiseks lingi; seni saad sisse logida oma telefoninumbriga.
public-no-verified-phone = Kinnita kõigepealt oma telefoninumber koodiga ja sisesta siis oma nimi ja e-posti aadress. Alusta uuesti lingist „Registreeru telefoninumbriga“.

## Leht „Telefoninumber“.
public-phone-label = Telefoninumber
public-phone-hint = Telefoninumber, { $example }.
public-send-code = Saada kood
public-phone-empty = Sisesta oma telefoninumber.
public-phone-invalid = See pole kehtiv telefoninumber. Kontrolli riigikoodi ja numbreid.

## „Unustasid parooli?“ ja „Määra parool“.
public-forgot-title = Unustasid parooli?
public-forgot-intro = Sisesta e-posti aadress, millega sisse logid. Saadame lingi, millega saad valida uue parooli.
public-forgot-button = Saada lähtestamise link
public-back-to-sign-in = Tagasi sisselogimise juurde
public-forgot-email-empty = Sisesta e-posti aadress, millega sisse logid.
public-forgot-sent = Kui aadressiga { $address } on konto olemas, saatsime sellele lingi uue parooli valimiseks. Linki saab kasutada ühe korra 30 minuti jooksul.
public-forgot-sent-unknown = Kui sisestatud aadressiga on konto olemas, saatsime sellele lingi uue parooli valimiseks. Linki saab kasutada ühe korra 30 minuti jooksul.
public-forgot-two-step = Kui kasutad kaheastmelist kinnitamist, jääb see sisse lülitatuks: ka uue parooliga läbid sisselogimisel teise sammu.
public-forgot-no-email = Kirja ei tulnud? Vaata rämpspostikausta või küsi oma administraatorilt.
public-forgot-throttled = Lähtestamise linke on küsitud liiga palju. Oota tund aega ja proovi uuesti või küsi oma administraatorilt.
public-password-link-dead = See link on aegunud või juba kasutatud. Küsi uus link sisselogimislehel valikuga „Unustasid parooli?“ või pöördu oma administraatori poole.
public-password-link-no-phone = See link vajab ka koodi, mis saadetakse SMS-iga konto telefoninumbrile, kuid kontol pole praegu telefoninumbrit. Pöördu oma administraatori poole.
public-set-title = Määra oma parool
public-set-intro = Vali parool kontole { $email }. Seejärel logid sellega sisse.
public-set-unconfirmed = See aadress pole veel kinnitatud, seega saadame SMS-iga koodi ka konto telefoninumbrile { $phone }: sisesta see koos uue parooliga. Kui teed mõlemad, on ka aadress kinnitatud.
public-set-code-label = Kood SMS-ist
public-set-code-hint = 6-kohaline kood, mille saatsime SMS-iga numbrile { $phone }. See kehtib 10 minutit.
public-new-password = Uus parool
public-set-button = Määra parool
public-text-me-code = Saada mulle SMS-iga kood

## Kutse andmeruumi.
public-join-title = Liitu andmeruumiga { $room }
public-invited-as = Kutse saadeti aadressile { $email }. Konto loomiseks vali oma nimi ja parool.
public-invitation-dead = See kutse on aegunud või juba kasutatud. Palu andmeruumi administraatorilt uus kutse.

## Esimene administraator.
public-setup-title = Loo esimene administraator
public-setup-intro = See link töötab ühe korra. Siin loodud konto haldab teenust { $app }.
public-setup-button = Loo administraator
public-setup-link-invalid = Seda seadistuslinki on juba kasutatud või see ei kehti enam. Logi sisse või palu administraatorilt kontot.

## Avaleht.
public-home-title = Tere, { $name }
public-home-reminder-title = Lülita kaheastmeline kinnitamine sisse
public-home-turn-on-now = Lülita kohe sisse
public-home-not-now = Mitte praegu
public-home-signed-in-to = Oled teenusesse { $app } sisse logitud.
public-home-my-rooms = Minu andmeruumid
public-home-code-asked = Küsib koodi
public-home-open-this-session = Selles seansis avatud
public-home-manage-rooms = Halda oma andmeruume
public-home-security = Minu turvaseaded
public-home-change-password = Muuda parooli

## Andmeruumi sisenemine.
public-room-open = Andmeruum on sulle avatud selle seansi lõpuni.
public-room-own-application = { $room } asub omaette rakenduses, teisel aadressil.
public-room-open-button = Ava { $room }
public-back-to-rooms = Tagasi oma andmeruumide juurde
public-room-code-title = Sisesta ruumi kood
public-room-managed-not-entered = Haldad seda andmeruumi platvormi administraatorina, kuid haldamine ei ava ruumi: sinna pääsevad ainult selle liikmed ja ruumi enda administraatorid. Sisenemiseks lisa end lehel „Kasutajaõigused“ mõnda selle kasutajagruppi või määra end ruumi seadetes selle administraatoriks.
public-room-code-waiting = { $room } avaneb alles koodiga. Saatsime SMS-iga 6-kohalise koodi numbrile { $phone }.
public-room-cannot-text = { $room } avaneb alles koodiga. Praegu ei saa me numbrile { $phone } koodi saata.
public-room-no-code = { $room } avaneb alles koodiga. Numbrile { $phone } pole ootel ühtegi koodi. Uue saamiseks vali „Saada uuesti“.
public-room-chosen-by-anyone = Administraator valis sulle andmeruumi { $room } jaoks selle numbri. Kui see on vale, palu oma administraatoril seda muuta.
public-room-chosen-by-one = Ruumi administraator { $admin } valis sulle andmeruumi { $room } jaoks selle numbri. Kui see on vale, palu tal seda muuta.
public-room-chosen-by-many = Ruumi administraatorid { $admins } ja { $last } valisid sulle andmeruumi { $room } jaoks selle numbri. Kui see on vale, palu kellelgi neist seda muuta.

## Menüü „Keel“.
public-language-unknown = Vali üks pakutud keeltest.

## Vealehed.
error-page-start = Mine avalehele
error-page-400-title = Päringut ei õnnestunud lugeda
error-page-400 = Päringut ei õnnestunud lugeda. Mine tagasi, kontrolli sisestatut ja proovi uuesti.
error-page-403-title = Sa ei saa seda teha
error-page-403 = See pole sinu kontole lubatud.
error-page-404-title = Lehte ei leitud
error-page-404 = Sellel aadressil pole lehte. Kontrolli aadressi või mine avalehele.
error-page-405-title = Seda lehte ei saa nii kasutada
error-page-405 = Mine tagasi ja kasuta lehe enda linke ja nuppe.
error-page-409-title = Seda muudatust ei saa teha
error-page-409 = Muudatus ei sobi praeguse olekuga. Mine tagasi, värskenda lehte ja proovi uuesti.
error-page-410-title = See link on aegunud
error-page-410 = See link on aegunud või juba kasutatud. Küsi uus.
error-page-413-title = Liiga palju andmeid
error-page-413 = Saadetu on liiga suur. Lühenda seda ja proovi uuesti.
error-page-415-title = Vormi ei õnnestunud lugeda
error-page-415 = Vorm saadeti vormingus, mida see leht ei toeta.
error-page-429-title = Liiga palju katseid
error-page-429 = Oota mõni minut ja proovi uuesti.
error-page-503-title = Pole saadaval
error-page-503 = Teenus pole saadaval. Proovi hetke pärast uuesti.
error-page-key-missing = Portaal ei saa salvestatut lugeda: see on pitseeritud salajase võtmega { $key }, mida portaalil enam pole. Haldaja peab selle võtme lisama muutujasse TWOSTEP_SECRET_KEY_PREVIOUS.
error-page-4xx-title = Päringut ei õnnestunud lõpule viia
error-page-4xx = Mine tagasi ja proovi uuesti.
error-page-500-title = Midagi läks valesti
error-page-500 = Meie poolel tekkis ootamatu viga. Proovi hetke pärast uuesti.
error-page-bad-text = Vormis on märke, mida ei saa kasutada. Mine tagasi, kontrolli sisestatut ja proovi uuesti.
error-page-form-expired = See vorm on aegunud või ei saadetud sellelt saidilt. Mine tagasi, värskenda lehte ja proovi uuesti.
# Aadress või vorm, mida leht ei suuda lugeda.
error-page-bad-address = Aadress on vigane.
error-page-bad-form = Vormi ei õnnestunud lugeda. Mine tagasi, kontrolli sisestatut ja proovi uuesti.
