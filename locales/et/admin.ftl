# Halduskeskus (/admin): ülevaade, kasutajad, grupid, turvaseaded.

# Navigeerimine ja lehtede ühised sõnad.
admin-nav-overview = Ülevaade
admin-nav-security = Turvaseaded
admin-users = Kasutajad
admin-groups = Grupid
admin-nav-rooms = Andmeruumid
admin-nav-applications = Rakendused
admin-nav-audit = Sündmuste logi
admin-only = Halduskeskus on ainult administraatoritele.
admin-two-step = Kaheastmeline kinnitamine
admin-on = Sees
admin-off = Väljas
admin-never = Mitte kunagi
admin-none = Puuduvad
admin-none-sentence = Puuduvad.
admin-search = Otsi
admin-save = Salvesta
admin-save-and-require = Salvesta ja nõua kaheastmelist kinnitamist
admin-done = Valmis
admin-edit = Muuda
admin-remove = Eemalda
admin-previous = Eelmine
admin-next = Järgmine
admin-back-to = Tagasi: { $name }
admin-back-to-users = Tagasi kasutajate juurde
admin-back-to-groups = Tagasi gruppide juurde
admin-back-to-rights = Tagasi kasutajaõiguste juurde
admin-add-user = Lisa kasutaja
admin-add-member = Lisa liige
admin-add-member-email = Lisa liige (e-posti aadress)
admin-group = Grupp
admin-role-administrator = Administraator
admin-role-user = Kasutaja
admin-method-sms = SMS
admin-method-app = Autentimisrakendus
admin-method-passkey = Pääsuvõti
admin-temporary-code = Ajutine pääsukood
admin-issue-temporary-code = Väljasta ajutine pääsukood
admin-the-command-line = käsurida
admin-search-too-long = Otsingus võib olla kuni { $max } märki.
admin-choose-groups = Vali grupid loendist.
admin-preview-who = Kes nad on, kasutajate loendis
# Suurte arvude numbrirühmade vahel: 1 234 (katkematu tühik).
admin-thousands-separator = { "\u00A0" }
# Kahe- või enamaliikmeline loend: „a, b ja c“. { $items } on kõik peale viimase, komadega eraldatud.
admin-list-and = { $items } ja { $last }
# Osakaal täisprotsentides: „40%“.
admin-percent = { $percent }%

# Tabelite veerud.
admin-column-name = Nimi
admin-column-email = E-posti aadress
admin-column-phone = Telefoninumber
admin-column-role = Roll
admin-column-last-sign-in = Viimane sisselogimine
admin-column-set-up-by = Seadistada hiljemalt
admin-column-country-code = Riigi suunakood
admin-column-texts-today = SMS-e täna
admin-column-codes-sent = Saadetud koodid
admin-column-codes-entered = Sisestatud koodid
admin-column-conversion = Sisestamise määr
admin-column-device = Seade
admin-column-ip = IP-aadress
admin-column-trusted-since = Usaldusväärne alates
admin-column-last-used = Viimati kasutatud
admin-column-signed-in = Sisse logitud
admin-column-last-active = Viimati aktiivne

# Keeldutud muudatused.
admin-refused-last-admin = See on viimane administraator: tee enne kellestki teisest administraator.
admin-refused-yourself = Oma kontot ei saa keelata. Seda saab teha mõni teine administraator.
admin-refused-phone-in-use = Sellele numbrile saadetakse kasutaja sisselogimiskoodid. Kasutaja saab seda ise muuta lehel „Minu turvaseaded“; sina saad seda muuta alles pärast tema kaheastmelise kinnitamise lähtestamist.
admin-refused-name-taken = Selle nimega grupp on juba olemas.
admin-refused-no-such-email = Selle e-posti aadressiga kontot ei ole.
admin-refused-email-taken = Selle e-posti aadressiga konto on juba olemas.
admin-refused-room-admin = Andmeruumi administraatoritelt ei saa kaheastmelist kinnitamist nõuda; nad võivad selle ise sisse lülitada.

# Ülevaade.
admin-overview-adoption-title = Kaheastmelise kinnitamise kasutus
# { $percent } on „40%“ paksus kirjas.
admin-overview-key-figure = { $percent } kasutajatest kasutab kaheastmelist kinnitamist
admin-overview-chart-caption = Kasutajad, kellel on kaheastmeline kinnitamine sees, viisi järgi
admin-overview-all-users = Kõik kasutajad
admin-overview-bar-on = { $percent }% sees
admin-overview-bar-detail = ({ $on }/{ $total })
admin-overview-table-caption = Kasutajad kaheastmelise kinnitamise viisi järgi
admin-overview-column-total = Kokku
admin-overview-column-sms = SMS
admin-overview-column-app = Rakendus
admin-owing-title = Kasutajad, kes peavad veel seadistama
admin-owing-none = Kõik, kes peavad kaheastmelist kinnitamist kasutama, on selle seadistanud.
# { $number } on arv välja kirjutatuna („1 234“), paksus kirjas.
admin-owing-count = { $count ->
    [one] { $number } kasutaja peab kasutama kaheastmelist kinnitamist ega ole seda seadistanud.
   *[other] { $number } kasutajat peavad kasutama kaheastmelist kinnitamist ega ole seda seadistanud.
}
admin-owing-first = Esimesed { $count }:
admin-owing-next-sign-in = Järgmisel sisselogimisel
admin-owing-all = { $count ->
    [one] Kasutaja, kes peab veel seadistama, kasutajate loendis
   *[other] Kõik { $number } kasutajat, kes peavad veel seadistama, kasutajate loendis
}
admin-sms-title = Täna saadetud SMS-id
# { $settings } on link turvaseadetele.
admin-sms-paused = SMS-id uutele numbritele on tänaseks peatatud: kogu päeva SMS-i eelarve ({ $budget }) on kasutatud. Koodid kinnitatud numbritele lähevad edasi. SMS-id uutele numbritele jätkuvad südaööl (UTC); eelarvet saad suurendada lehel { $settings }.
admin-sms-warned = 80% tänasest SMS-i eelarvest on kasutatud: { $spent }/{ $budget } SMS-i uutele numbritele.
admin-sms-alerted = Administraatoritele saadeti e-kiri kell { $time }.
admin-sms-pause-at = Kui eelarve ({ $budget }) on täis, peatuvad SMS-id uutele numbritele südaööni (UTC).
# { $number } on { $count } paksus kirjas.
admin-sms-today = { $count ->
    [one] { $number } SMS alates südaööst (UTC): { $new } uutele numbritele (numbrid, mida ükski konto pole kinnitanud: registreerimine, telefoniga sisselogimine, seadistamine, muutmine) ja { $verified } kinnitatud numbritele (sisselogimine, andmeruumi sammud).
   *[other] { $number } SMS-i alates südaööst (UTC): { $new } uutele numbritele (numbrid, mida ükski konto pole kinnitanud: registreerimine, telefoniga sisselogimine, seadistamine, muutmine) ja { $verified } kinnitatud numbritele (sisselogimine, andmeruumi sammud).
}
admin-sms-budget = Päeva eelarve SMS-idele uutele numbritele: kasutatud { $spent }/{ $budget }.
admin-sms-by-country-caption = Tänased SMS-id riigi suunakoodi järgi
admin-country-unknown = Teadmata
admin-conversion-title = Sisestatud koodid, viimased 7 päeva
# { $countries }: „+46, +47“; { $settings } on link turvaseadetele.
admin-conversion-low = Koode, mis saadetakse suunakoodidele { $countries }, sisestatakse harva: alla poole teiste riikide tavapärasest määrast. Kui paljusid koode keegi ei sisesta, viitab see SMS-pumpamisele; kaalu lehel { $settings } suunakoodi piirangu vähendamist või riigi eemaldamist riikide hulgast, kuhu SMS-e saadetakse.
admin-conversion-none = Viimase 7 päeva jooksul SMS-e ei saadetud.
admin-conversion-caption = Viimase 7 päeva saadetud ja sisestatud koodid riigi suunakoodi järgi
admin-conversion-far-below = Teistest palju madalam
admin-events-title = Viimased turvasündmused
admin-events-all = Kogu sündmuste logi

# Kasutajate loend. { $more } on „yes“, kui neid on rohkem kui { $number } (loend ei loe edasi).
admin-users-search = Otsi kasutajaid
admin-users-search-hint = Nime sõnad mis tahes järjekorras, e-posti aadressi algus või selle domeen (@example.com) või telefoninumber.
admin-filter-any = Kõik
admin-filter-must = Peab veel seadistama
admin-filter-admins-only = Ainult administraatorid
admin-filter-accounts = Kontod
admin-filter-all = Kõik
admin-filter-enabled = Lubatud
admin-filter-disabled = Keelatud
admin-users-none = Ükski kasutaja ei vasta.
admin-users-pages = Kasutajate loendi lehed
admin-users-count = { $more ->
    [yes] Üle { $number } kasutaja
   *[no] { $count ->
        [one] { $number } kasutaja
       *[other] { $number } kasutajat
    }
}
admin-users-match-search = { $more ->
    [yes] Üle { $number } kasutaja vastab otsingule „{ $search }“
   *[no] { $count ->
        [one] { $number } kasutaja vastab otsingule „{ $search }“
       *[other] { $number } kasutajat vastavad otsingule „{ $search }“
    }
}
admin-users-must = { $more ->
    [yes] Üle { $number } kasutaja peab veel seadistama
   *[no] { $count ->
        [one] { $number } kasutaja peab veel seadistama
       *[other] { $number } kasutajat peavad veel seadistama
    }
}
admin-users-match-filters = { $more ->
    [yes] Üle { $number } kasutaja vastab filtritele
   *[no] { $count ->
        [one] { $number } kasutaja vastab filtritele
       *[other] { $number } kasutajat vastavad filtritele
    }
}
admin-users-choose-filter = Vali kaheastmelise kinnitamise filter loendist.
admin-users-choose-group = Vali grupp loendist.
admin-users-choose-accounts = Vali kontod loendist.

# Kasutaja leht.
admin-requirement-not-offered = Sellele kasutajale ei pakuta.
admin-requirement-optional = Sellele kasutajale vabatahtlik.
admin-requirement-grace = Sellele kasutajale kohustuslik (üleminekuaja jooksul).
admin-requirement-required = Sellele kasutajale kohustuslik.
admin-user-recovery-codes = Taastekoodid
admin-user-codes-left = { $count } alles
admin-user-codes-none-left = Ühtegi pole alles
admin-user-account = Konto
admin-user-groups = Grupid
admin-user-phone-locked = Kasutaja { $name } sisselogimiskoodid saadetakse sellele numbrile, seega saab seda muuta ainult { $name } ise, lehel „Minu turvaseaded“ ja uuele numbrile saadetud koodiga.
# { $link } on link: admin-user-phone-lost-link.
admin-user-phone-lost = Kui telefon on kadunud, { $link }: pärast sisselogimist muudab kasutaja numbri ise.
admin-user-phone-lost-link = väljasta talle ajutine pääsukood
# { $link } on link: admin-user-phone-reset-link.
admin-user-phone-reset = Või { $link }; siis saad siia numbri sisestada.
admin-user-phone-reset-link = lähtesta tema kaheastmeline kinnitamine
admin-user-phone-hint = Koos riigi suunakoodiga, näiteks +46 70 123 45 67. Tühi väli eemaldab numbri.
admin-user-phone-verified = Kasutaja on selle numbri koodiga kinnitanud.
admin-user-save-phone = Salvesta telefoninumber
admin-user-actions = Toimingud kontoga
admin-reset = Lähtesta kaheastmeline kinnitamine
admin-user-password-link = Saada parooli määramise link
admin-sign-out-everywhere = Logi kõikjalt välja
admin-enable-account = Luba konto
admin-disable-account = Keela konto
admin-make-admin = Tee administraatoriks
admin-remove-admin = Eemalda administraatori roll
admin-user-last-admin-me = Sina oled ainus administraator, seega ei saa sinu rolli eemaldada. Tee enne kellestki teisest administraator.
admin-user-last-admin = { $name } on ainus administraator, seega ei saa rolli eemaldada ega kontot keelata. Tee enne kellestki teisest administraator.
# { $issued } ja { $until } on ajahetked.
admin-user-temporary-code = Kood, mille väljastas { $by } { $issued }, kehtib ühe korra kuni { $until }.
admin-user-temporary-code-none = Puudub. Sellele, kes on kaotanud nii telefoni kui ka taastekoodid: kood, mille sa talle ette loed ja mis logib ta koos parooliga ühe korra sisse.
admin-user-temporary-code-disabled = Konto on keelatud: ükski kood ei logi seda sisse.
admin-user-temporary-code-no-two-step = Kasutajal { $name } ei ole kaheastmelist kinnitamist: sisselogimiseks piisab paroolist.
admin-user-devices = Usaldusväärsed seadmed
admin-user-sessions = Aktiivsed seansid
admin-done-reset = Kaheastmeline kinnitamine lähtestati. Kasutaja logiti kõikjalt välja ja talle saadeti e-kiri.
admin-done-signed-out = Kasutaja logiti kõikjalt välja.
admin-done-disabled = Konto keelati ja logiti kõikjalt välja.
admin-done-enabled = Konto lubati.
admin-done-admin = Kasutaja on nüüd administraator.
admin-done-not-admin = Kasutaja ei ole enam administraator.
admin-done-phone = Telefoninumber salvestati.
admin-done-added = Kasutaja lisati. Saatsime talle lingi parooli valimiseks: seda saab kasutada ühe korra 72 tunni jooksul.
admin-done-password-link = Saatsime kasutajale lingi parooli valimiseks: seda saab kasutada ühe korra 72 tunni jooksul. Varasemad lingid enam ei tööta.

# Kinnituslehed. { $who } on „Nimi (e-posti aadress)“.
admin-reset-question = Kas lähtestada kasutaja { $name } kaheastmeline kinnitamine?
admin-reset-no-longer-sms = { $who } ei logi enam sisse telefonile SMS-iga saadetud koodidega.
admin-reset-no-longer-app = { $who } ei logi enam sisse oma autentimisrakendusega.
admin-reset-no-longer-passkey = { $who } ei logi enam sisse oma pääsuvõtmetega.
admin-reset-no-method = Kasutajal { $who } ei ole ühtegi kaheastmelise kinnitamise viisi seadistatud.
admin-reset-removed = Eemaldatakse: { $list }.
admin-reset-removed-app = autentimisrakenduse võti
admin-reset-removed-phone = telefon sisselogimisviisina
admin-reset-removed-codes = { $count ->
    [one] { $count } taastekood
   *[other] { $count } taastekoodi
}
admin-reset-removed-devices = { $count ->
    [one] { $count } usaldusväärne seade
   *[other] { $count } usaldusväärset seadet
}
admin-reset-sessions-end = Kõik seansid lõpevad, ka pooleli olevad sisselogimised.
admin-reset-required-again = Kaheastmeline kinnitamine on talle kohustuslik: ta seadistab selle uuesti järgmisel sisselogimisel.
admin-reset-emailed = Talle saadetakse e-kiri, et sina lähtestasid selle.
admin-sign-out-question = Kas logida kasutaja { $name } kõikjalt välja?
admin-sign-out-sessions = Kõik kasutaja { $who } seansid lõpevad kohe, ka pooleli olevad sisselogimised.
admin-sign-out-again = Ta logib uuesti sisse oma parooli ja teise sammuga.
admin-disable-question = Kas keelata kasutaja { $name } konto?
admin-disable-no-sign-in = { $who } ei saa enam sisse logida.
admin-disable-sessions = Kõik seansid lõpevad kohe.
admin-disable-emailed = Talle saadetakse e-kiri, et administraator keelas konto.
admin-enable-question = Kas lubada kasutaja { $name } konto?
admin-enable-sign-in = { $who } saab taas sisse logida, oma parooli ja teise sammuga.
admin-make-admin-question = Kas määrata kasutaja { $name } administraatoriks?
admin-make-admin-can = { $who } saab avada halduskeskuse: muuta turvaseadeid, kasutajaid lähtestada, keelata ja välja logida ning teha teisi administraatoriks.
admin-make-admin-set-up = Kui administraatoritelt nõutakse kaheastmelist kinnitamist, seadistab ta selle järgmisel sisselogimisel.
admin-remove-admin-question = Kas eemaldada kasutajalt { $name } administraatori roll?
admin-remove-admin-cannot = { $who } ei saa enam halduskeskust avada.
admin-password-link-question = Kas saata kasutajale { $name } parooli määramise link?
admin-password-link-emailed = { $count ->
    [one] Link saadetakse aadressile { $email } ja mitte kellelegi teisele: see kehtib { $count } tund, töötab ühe korra ja laseb selle avajal valida konto parooli.
   *[other] Link saadetakse aadressile { $email } ja mitte kellelegi teisele: see kehtib { $count } tundi, töötab ühe korra ja laseb selle avajal valida konto parooli.
}
admin-password-link-earlier = Varasemad lingid lakkavad töötamast.
admin-password-link-two-step = Kaheastmeline kinnitamine jääb nii, nagu see on.
admin-password-link-button = Saada link

# Kasutaja lisamine.
admin-new-user-intro = Sina inimesele parooli ei anna: saadame talle lingi, et ta selle ise valiks. Link kehtib 3 päeva ja töötab ühe korra.
admin-new-user-email-hint = Aadress, millega ta sisse logib. Parooli valimise link saadetakse sinna.
admin-new-user-phone = Telefoninumber (valikuline)
# Sellele järgneb telefoninumbri näide.
admin-new-user-phone-hint = Tema telefoninumber, kuhu saata sisselogimiskoodidega SMS-e:
admin-new-user-admin-hint = Ta saab avada halduskeskuse ja muuta mis tahes kontot.

# Ajutised pääsukoodid.
admin-code-title = Ajutine pääsukood: { $name }
admin-code-question = Kas väljastada kasutajale { $name } ajutine pääsukood?
admin-code-shown-once = Seda koodi näidatakse ainult üks kord. Loe see kasutajale { $name } kohe ette, telefoni teel või silmast silma: mitte kunagi e-kirjas ega vestluses.
# { $date } on aeg, mil kood lakkab töötamast.
admin-code-use = Koos parooliga saab sellega kinnituskoodi asemel ühe korra sisse logida kuni { $date }. Pärast 5 valet katset lakkab kood töötamast. Pärast sisselogimist seadistab kasutaja lehel „Minu turvaseaded“ uue telefoni või rakenduse.
admin-code-make-sure = Veendu, et küsija on tõesti { $name }: helista talle numbril, mida juba tead, või kohtu temaga isiklikult.
admin-code-shown-to-you = Koodi näidatakse sulle üks kord, et saaksid selle ette lugeda. Koos parooliga saab sellega kinnituskoodi asemel ühe korra sisse logida. Midagi ei lülitata välja.
admin-code-earlier-stops = Varem väljastatud kood lakkab töötamast.
admin-code-emailed = Kasutajale { $name } saadetakse e-kiri, et kood väljastati, ilma koodita.
admin-code-valid-for = Kehtib
admin-code-issue = Väljasta kood
admin-code-choose-validity = Vali 1 tund, 8 tundi või 24 tundi.
admin-code-refused-disabled = See konto on keelatud: ükski kood ei logi seda sisse. Luba enne konto.
admin-code-refused-no-two-step = Sellel kontol ei ole kaheastmelist kinnitamist: sisselogimiseks piisab paroolist, seega pole ajutisel pääsukoodil midagi asendada.

# Grupid.
admin-groups-none = Gruppe veel pole.
admin-group-members = Liikmed
admin-group-rule = Kaheastmeline kinnitamine liikmetele
admin-groups-grace = { $count ->
    [one] (üleminekuaeg { $count } päev)
   *[other] (üleminekuaeg { $count } päeva)
}
admin-groups-create-title = Loo grupp
admin-group-name = Grupi nimi
admin-groups-create = Loo grupp
admin-group-allowed = Lubatud
admin-group-allowed-hint = Liikmetele kehtib platvormi seade lehel „Turvaseaded“.
admin-group-not-available = Pole saadaval
admin-group-not-available-hint = Liikmed ei saa seda sisse lülitada, kui miski muu seda neilt ei nõua. Need, kes seda juba kasutavad, võivad selle alles jätta.
admin-group-required = Kohustuslik
admin-group-required-hint = Liikmed peavad selle seadistama ega saa seda välja lülitada. See on tugevam kui teise grupi „Pole saadaval“.
admin-group-methods = Viisid, mida liikmed võivad kasutada
admin-group-any-method = Mis tahes viis
admin-group-any-method-hint = Pääsuvõtmed, SMS-id või autentimisrakendus.
admin-group-passkeys-only = Ainult pääsuvõtmed
admin-group-passkeys-only-hint = Liikmed, kes kasutavad või peavad kasutama kaheastmelist kinnitamist, lisavad järgmisel sisselogimisel (pärast üleminekuaega) pääsuvõtme ega saa viimast eemaldada; seejärel kinnitavad nad ainult pääsuvõtmega. Pääsuvõtmeid ei saa õngitseda.
admin-group-grace = Üleminekuaeg (päevades)
admin-group-grace-hint = Valikute „Kohustuslik“ ja „Ainult pääsuvõtmed“ korral: päevad, mis liikmetel on seadistamiseks, alates sellest, kui nõue neile esimest korda kehtima hakkab. Tühi või 0: järgmisel sisselogimisel.
admin-group-preview = { $count ->
    [one] Kui nõuad sellelt grupilt kaheastmelist kinnitamist, peab { $count } liige selle järgmisel sisselogimisel seadistama.
   *[other] Kui nõuad sellelt grupilt kaheastmelist kinnitamist, peavad { $count } liiget selle järgmisel sisselogimisel seadistama.
}
admin-group-preview-grace = { $count ->
    [one] Kui nõuad sellelt grupilt kaheastmelist kinnitamist, peab { $count } liige selle üleminekuaja jooksul seadistama.
   *[other] Kui nõuad sellelt grupilt kaheastmelist kinnitamist, peavad { $count } liiget selle üleminekuaja jooksul seadistama.
}
admin-preview-no-phone = { $count ->
    [one] Neist { $count } liikmel pole telefoninumbrit, mis saaks koode vastu võtta (kontol pole numbrit või see on väljaspool lubatud SMS-i riike).
   *[other] Neist { $count } liikmel pole telefoninumbrit, mis saaks koode vastu võtta (kontol pole numbrit või see on väljaspool lubatud SMS-i riike).
}
admin-group-member-count = { $count ->
    [one] { $count } liige.
   *[other] { $count } liiget.
}
admin-group-search = Otsi liikmeid
admin-group-search-hint = E-posti aadressi või nime mis tahes sõna algus või telefoninumber.
admin-group-no-members = Liikmeid veel pole.
admin-group-no-match = Ükski liige ei vasta.
admin-remove-from = Eemalda { $name } grupist { $group }
admin-group-next-members = Järgmised liikmed
admin-group-manage = Nimeta ümber või kustuta
admin-group-rename = Nimeta ümber
admin-group-delete = Kustuta grupp
admin-group-done-created = Grupp loodi.
admin-group-done-renamed = Grupp nimetati ümber.
admin-group-done-rule = Liikmete reegel salvestati.
admin-group-done-added = Liige lisati.
admin-group-done-removed = Liige eemaldati.
admin-group-member-added = { $name } lisati.
admin-group-member-already = { $name } on juba liige.
admin-group-member-removed = { $name } eemaldati.
admin-group-name-missing = Sisesta grupi nimi.
admin-group-name-too-long = Grupi nimes võib olla kuni { $max } märki, ühel real.
admin-group-choose-rule = Vali „Lubatud“, „Pole saadaval“ või „Kohustuslik“.
admin-group-grace-invalid = Sisesta üleminekuaeg täisarvuna päevades vahemikus 0 kuni { $max } või jäta väli tühjaks.
admin-group-choose-methods = Vali „Mis tahes viis“ või „Ainult pääsuvõtmed“.
admin-group-member-email-missing = Sisesta lisatava inimese e-posti aadress.
# Grupi reegli muudatus sündmuste logis.
admin-rule-change-two-step = Kaheastmeline kinnitamine liikmetele: { $before } → { $after }
admin-rule-change-methods = viisid: { $before } → { $after }
admin-rule-change-grace = üleminekuaeg: { $before } → { $after }

# Andmeruumi kasutajaõigused.
admin-rights = Kasutajaõigused
admin-rights-room = Andmeruum
admin-rights-group = Kasutajagrupp
admin-rights-show = Näita
admin-rights-no-members = Selles grupis pole veel liikmeid.
admin-rights-caption = Grupi { $group } liikmed
admin-rights-phone = Kaheastmelise kinnitamise telefoninumber
admin-rights-no-phone = Puudub
# Pärast sõna „Muuda“, ekraanilugeritele.
admin-rights-edit-hidden = – kasutaja { $name } kaheastmelise kinnitamise telefoninumber
# Pärast sõna „Eemalda“, ekraanilugeritele.
admin-rights-remove-hidden = { $name } grupist { $group }
admin-rights-no-groups = Selles andmeruumis pole veel kasutajagruppe.
admin-rights-create-one = Loo grupp
admin-invitation-title = Kutse saadetud
admin-invitation-sent = Saatsime kutse aadressile { $email }.
admin-invitation-explained = { $count ->
    [one] Aadressiga { $email } kontot ei ole. Kutsega saab selle postkasti lugeja luua konto ja liituda andmeruumiga { $room }. Link kehtib { $count } päev ja töötab ühe korra; see saadetakse ainult talle. Kui see kaob, lisa aadress uuesti: uus kutse asendab vana.
   *[other] Aadressiga { $email } kontot ei ole. Kutsega saab selle postkasti lugeja luua konto ja liituda andmeruumiga { $room }. Link kehtib { $count } päeva ja töötab ühe korra; see saadetakse ainult talle. Kui see kaob, lisa aadress uuesti: uus kutse asendab vana.
}

# Turvaseaded: seadete nimed (ka teates pärast salvestamist ja sündmuste logis).
admin-setting-required-everyone = Kohustuslik kõigile
admin-setting-require-for-admins = Nõua administraatoritelt kaheastmelist kinnitamist
admin-setting-admins-use-passkeys = Administraatorid peavad kasutama pääsuvõtmeid
admin-setting-default-language = Vaikekeel
admin-setting-new-device-alerts = Saada kasutajatele e-kiri, kui nad logivad sisse uuest seadmest
admin-setting-trusted-devices = Usaldusväärsed seadmed aeguvad
admin-setting-users-choose-session = Kasutajad valivad ise seansi kestuse
admin-setting-max-session = Pikim seanss, mida kasutajad saavad valida
admin-setting-inactivity = Logi välja pärast tegevusetust
admin-setting-reminder = Näita meeldetuletust kasutajatele, kes pole kaheastmelist kinnitamist sisse lülitanud
admin-setting-open-registration = Inimesed saavad ise konto luua
admin-setting-app-name = Rakenduse nimi
admin-setting-sms-countries = Lubatud SMS-i riigid
admin-setting-default-country = Telefoninumbrite vaikimisi riik
admin-setting-phone-sign-in = Luba registreerimine ja sisselogimine telefoninumbriga
admin-setting-users-edit-profile = Kasutajad saavad oma profiili muuta
admin-setting-sms-daily-budget = Päeva SMS-i eelarve
admin-setting-sms-per-number = SMS-e päevas numbri kohta
admin-setting-sms-per-address = SMS-e päevas kliendi aadressi kohta
admin-setting-sms-per-network = SMS-e päevas võrgu kohta
admin-setting-sms-per-country = SMS-e päevas riigi suunakoodi kohta
admin-setting-after-days = { $count ->
    [one] Pärast { $count } päeva
   *[other] Pärast { $count } päeva
}
# Kõik SMS-i riigid on lubatud.
admin-setting-all = Kõik
# Vaikimisi riiki ega üleminekuaega pole.
admin-setting-none = puudub
# Salvestatud muudatus: „Usaldusväärsed seadmed aeguvad: Pärast 30 päeva → Mitte kunagi“.
admin-setting-change = { $setting }: { $before } → { $after }
admin-settings-saved = Salvestatud.
admin-settings-nothing-changed = Midagi ei muutunud.
admin-settings-optional = Vabatahtlik
admin-settings-off-hint = Seda ei pakuta kellelegi (administraatoritele siiski, kui see on neile kohustuslik).
admin-settings-optional-hint = Kasutajad valivad ise.
admin-settings-required-hint = Kõik seadistavad selle järgmisel sisselogimisel.
admin-settings-require-for-admins-hint = Administraatorid seadistavad selle järgmisel sisselogimisel ega saa seda välja lülitada. Ei küsita, kui see on kõigile kohustuslik.
admin-settings-admins-use-passkeys-hint = Administraatorid, kes kasutavad või peavad kasutama kaheastmelist kinnitamist, lisavad järgmisel sisselogimisel pääsuvõtme ega saa viimast eemaldada; seejärel kinnitavad nad ainult pääsuvõtmega, mida ei saa õngitseda.
admin-settings-default-language-hint = Inimestele, kelle brauser ei küsi ühtegi pakutavat keelt ja kes pole ise keelt valinud.
admin-settings-new-device-alerts-hint = Sisselogimisest brauserist, mida konto pole varem kasutanud, saadetakse omanikule e-kiri koos lingiga „See polnud mina“, et lõpetada kõik seansid ja valida uus parool. Kui parooli kasutatakse ilma teist sammu lõpetamata, saadetakse e-kiri alati.
admin-settings-reminder-hint = Ainult siis, kui see on vabatahtlik. Kasutajad, kellel seda pole, näevad teenust { $app } avades iga kord seda teksti, kuni nad selle sisse lülitavad või valivad seansi ajaks „Mitte praegu“:
admin-settings-sessions-title = Seansid ja seadmed
admin-settings-accounts-title = Kontod ja registreerimine
admin-settings-open-registration-hint = Väljas: kasutajaid lisavad ainult administraatorid ja leht „Loo konto“ on suletud.
admin-settings-phone-sign-in-hint = Inimesed registreerivad ja logivad sisse koodiga, mis saadetakse SMS-iga nende telefonile. Kes peab kasutama kaheastmelist kinnitamist, sisestab ka oma parooli või autentimisrakenduse koodi.
admin-settings-users-edit-profile-hint = Väljas: kasutaja telefoninumbrit muudavad ainult administraatorid, lehel „Kasutajad“.
admin-settings-name-title = Rakenduse nimi
admin-settings-app-name-hint = Iga lehe pealkirjas, e-kirjades ja koodidega SMS-ides.
admin-settings-sms-title = SMS-id ja piirangud
admin-settings-sms-countries-hint = Kahetähelised riigikoodid komadega eraldatult, näiteks SE, NO. Tühi: kõik riigid.
admin-settings-default-country-hint = Kahetäheline riigikood, näiteks SE: selle riigi numbreid saab sisestada ilma suunakoodita (070 123 45 67). Tühi: ainus lubatud SMS-i riik, kui neid on üks, muidu algab iga number oma suunakoodiga.
admin-settings-limits-legend = SMS-id numbritele, mida ükski konto pole kinnitanud
admin-settings-limits-hint = Registreerimine, telefoniga sisselogimine uuele numbrile, numbri seadistamine või muutmine: SMS-id, mida SMS-pumpamine ära kasutab. Iga piirang loeb UTC ööpäeva. Sisselogimiskoodid kinnitatud numbrile ei lähe kunagi arvesse ja saadetakse alati.
admin-settings-sms-daily-budget-hint = Kogu platvormile. 80% juures saavad administraatorid e-kirja; 100% juures peatuvad need SMS-id järgmise päevani.
admin-settings-sms-per-network-hint = Võrk on IPv4-aadressi /24 ja IPv6-aadressi /48.
admin-settings-preview = { $count ->
    [one] Kui nõuad kaheastmelist kinnitamist kõigilt, peab { $count } kasutaja selle järgmisel sisselogimisel enne kõike muud seadistama.
   *[other] Kui nõuad kaheastmelist kinnitamist kõigilt, peavad { $count } kasutajat selle järgmisel sisselogimisel enne kõike muud seadistama.
}
admin-settings-preview-no-phone = { $count ->
    [one] Neist { $count } kasutajal pole telefoninumbrit, mis saaks koode vastu võtta (kontol pole numbrit või see on väljaspool lubatud SMS-i riike): tal on vaja autentimisrakendust või telefoninumbrit.
   *[other] Neist { $count } kasutajal pole telefoninumbrit, mis saaks koode vastu võtta (kontol pole numbrit või see on väljaspool lubatud SMS-i riike): neil on vaja autentimisrakendust või telefoninumbrit.
}
admin-settings-choose-two-step = Vali, kas kaheastmeline kinnitamine on väljas, vabatahtlik või kohustuslik.
admin-settings-choose-trusted = Vali, millal usaldusväärsed seadmed aeguvad.
admin-settings-choose-session = Vali loendist pikim seanss.
admin-settings-choose-inactivity = Vali loendist, millal tegevusetuse järel välja logida.
admin-settings-app-name-missing = Sisesta rakenduse nimi.
admin-settings-app-name-too-long = Rakenduse nimes võib olla kuni { $max } märki, ühel real.
admin-settings-countries-invalid = Sisesta kahetähelised riigikoodid komadega eraldatult, näiteks SE, NO, või jäta väli tühjaks, et lubada kõik riigid.
admin-settings-country-invalid = Sisesta kahetäheline riigikood, näiteks SE, või jäta väli tühjaks.
admin-settings-choose-language = Vali üks pakutavatest keeltest.
admin-settings-budget-invalid = Sisesta päeva SMS-i eelarve täisarvuna vahemikus 0 kuni { $max }.
admin-settings-per-number-invalid = Sisesta SMS-ide arv päevas numbri kohta täisarvuna vahemikus 0 kuni { $max }.
admin-settings-per-address-invalid = Sisesta SMS-ide arv päevas kliendi aadressi kohta täisarvuna vahemikus 0 kuni { $max }.
admin-settings-per-network-invalid = Sisesta SMS-ide arv päevas võrgu kohta täisarvuna vahemikus 0 kuni { $max }.
admin-settings-per-country-invalid = Sisesta SMS-ide arv päevas riigi suunakoodi kohta täisarvuna vahemikus 0 kuni { $max }.
