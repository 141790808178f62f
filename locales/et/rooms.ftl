# Andmeruumid halduskeskuses (/admin/rooms).
rooms-title = Andmeruumid
rooms-new-title = Loo uus andmeruum
rooms-create-button = Loo andmeruum
rooms-none-yet = Andmeruume veel pole.
rooms-name = Nimi
rooms-enforced = Kohustuslik kaheastmeline kinnitamine
rooms-address = Rakenduse aadress
rooms-on = Sees
rooms-off = Väljas
rooms-no-address = Puudub
rooms-edit = Muuda
rooms-back = Tagasi andmeruumide juurde
rooms-edit-settings = Muuda seadeid
rooms-edit-title = Muuda seadeid: { $room }
rooms-save = Salvesta
rooms-admins = Ruumi administraatorid
rooms-no-admins = Puuduvad
rooms-groups = Kasutajagrupid
rooms-no-groups = Kasutajagruppe veel pole.
rooms-group = Grupp
rooms-members = Liikmed
rooms-user-rights = Kasutajaõigused
# „Kasutajaõigused“ järel, ekraanilugejale.
rooms-of-group = grupis { $group }
rooms-new-group = Uus kasutajagrupp
rooms-create-group = Loo grupp
rooms-address-hint = Valikuline. Ruumi enda rakendus, nii nagu liikmed seda avavad: terve aadress, mis algab https:// (või http://), näiteks https://docs.example.com/deal/. Ilma kasutajanime, parooli ja #fragmendita. Liikmed, kes ruumi sammu läbivad, suunatakse sinna, ja selle ees olev pöördpuhverserver küsib Twostepilt, kes tohib seda avada.
rooms-enable-enforced = Lülita sisse kohustuslik kaheastmeline kinnitamine
rooms-enforced-hint = Liikmed, kellel on selles ruumis kaheastmelise kinnitamise telefoninumber, sisestavad enne ruumi avanemist sellele SMS-iga saadetud koodi, üks kord seansi kohta.
rooms-admins-hint = Olemasolevate kontode e-posti aadressid, komadega eraldatud. Ruumi administraatorid haldavad seda ruumi ja neilt ei küsita kunagi selle koodi.
rooms-phone-title = Kaheastmelise kinnitamise telefoninumber
rooms-back-to-rights = Tagasi kasutajaõiguste juurde
rooms-phone-intro = { $name } ({ $email }) ruumis { $room }. See number on eraldi inimese enda telefoninumbrist.
rooms-phone-hint = Täielikus rahvusvahelises vormingus, näiteks +372 5123 4567. Tühi väli tühistab selle liikme nõude kohe.

rooms-done-created = Andmeruum on loodud.
rooms-done-saved = Seaded on salvestatud.
rooms-done-group = Kasutajagrupp on loodud.
rooms-done-member = Liige on lisatud.
rooms-done-phone = Kaheastmelise kinnitamise telefoninumber on salvestatud.
rooms-done-phone-cleared = Kaheastmelise kinnitamise telefoninumber on eemaldatud.
rooms-done-removed = Liige on eemaldatud.
rooms-notice-no-code = { $name } ei vaja enam ruumi { $room } jaoks koodi.
rooms-notice-removed = { $name } on grupist { $group } eemaldatud.

rooms-name-missing = Sisesta andmeruumi nimi.
rooms-name-too-long = Nimi võib olla kuni 120 märki pikk, ühel real.
rooms-admin-unknown = E-posti aadressi { $email } pole ühelgi kontol.
rooms-admins-unknown = Mõnda loendis olevat e-posti aadressi pole ühelgi kontol.
rooms-group-name-invalid = Sisesta grupi nimi, kuni 80 märki, ühel real.
rooms-group-name-taken = Ruumis on selle nimega grupp juba olemas.
rooms-member-email-missing = Sisesta lisatava inimese e-posti aadress.
rooms-member-email-invalid = Sisesta kehtiv e-posti aadress, näiteks nimi@example.com.

# Miks sisestatud rakenduse aadress tagasi lükatakse.
rooms-address-not-an-address = Sisesta rakenduse aadress tervikuna, algusega https:// või http://, näiteks https://docs.example.com/deal/.
rooms-address-not-web = Rakenduse aadress peab algama https:// või http:// (veebiaadress, mida ruumi liikmed brauseris avavad).
rooms-address-no-host = Rakenduse aadressis peab olema host, näiteks https://docs.example.com/.
rooms-address-too-long = Rakenduse aadress võib olla kuni 2000 märki pikk.
rooms-address-credentials = Rakenduse aadressis ei tohi olla kasutajanime, parooli ega #fragmenti.

# Liikme eemaldamine ruumi kasutajagrupist: küsimus.
rooms-remove-title = Kas eemaldada { $name } grupist { $group }?
rooms-remove-leaves = { $name } ({ $email }) lahkub ruumi { $room } kasutajagrupist { $group }.
# $groups: teiste gruppide nimed, komadega eraldatud.
rooms-remove-stays = Ta jääb andmeruumi { $room } gruppide { $groups } kaudu ja säilitab oma kaheastmelise kinnitamise telefoninumbri.
rooms-remove-still-admin = Ta haldab endiselt ruumi { $room } ja avab selle administraatorina.
rooms-remove-no-longer-opens = Ta ei saa enam ruumi { $room } avada, ei siin ega selle rakenduses: seansis läbitud samm lõpeb sellega.
rooms-remove-phone-cleared = Eemaldatakse tema kaheastmelise kinnitamise telefoninumber andmeruumis { $room }: { $phone }.
rooms-remove-button = Eemalda liige

# Rakendused (/admin/applications).
apps-title = Rakendused
apps-intro = Rakendused, mis lasevad Twostepil oma kasutajad OpenID Connecti kaudu sisse logida, selle asemel et ise paroole ja koode hoida. Iga rakenduse seadetes on selle kliendi ID, kliendi saladus (kui see pole avalik) ja Twostepi väljastaja:
apps-add = Lisa rakendus
apps-none-yet = Rakendusi veel pole.
apps-name = Nimi
apps-client-id = Kliendi ID
apps-type = Tüüp
apps-require-two-step = Nõua kaheastmelist kinnitamist
apps-data-room = Andmeruum
apps-public = Avalik
apps-confidential = Konfidentsiaalne
apps-on = Sees
apps-off = Väljas
apps-no-room = Puudub
apps-edit = Muuda
apps-new-secret = Loo uus saladus
# „Loo uus saladus“ järel, ekraanilugejale.
apps-for-application = rakendusele { $name }
apps-delete = Kustuta
apps-issuer = Väljastaja (issuer)
apps-discovery = Discovery URL
apps-back = Tagasi rakenduste juurde
apps-client-type = Kliendi tüüp
apps-public-type = Avalik: saladust pole; sisselogimine käib PKCE-ga
apps-confidential-type = Konfidentsiaalne: sisselogimine käib kliendi saladusega
apps-type-stays = Kliendi tüüp ja kliendi ID jäävad samaks: teise tüübi jaoks lisa rakendus uuesti.
apps-name-hint = Nii, nagu rakendust tuntakse, näiteks CRM. Nimi on näha sündmuste logis.
apps-redirect-uris = Ümbersuunamise URI-d
apps-redirect-uris-hint = Üks real: rakenduse aadressid, mis sisselogimise vastu võtavad, täpselt nii, nagu rakendus need saadab, koos pordi ja teega, näiteks https://crm.example.com/oidc/callback. Need algavad https:// (http:// ainult localhost ja 127.0.0.1 puhul, arenduse ajal).
apps-post-logout-uris = Väljalogimise järgsed ümbersuunamise URI-d
apps-post-logout-uris-hint = Valikuline. Üks real: kuhu rakendus võib inimesed saata pärast seda, kui nad on selle kaudu Twostepist välja loginud.
apps-confidential-hint = Serveriga rakendus, mis suudab saladust hoida. See saab kliendi saladuse, mida näidatakse üks kord.
apps-public-hint = Rakendus, mis töötab brauseris või telefonis ega suuda saladust hoida. Sellel pole saladust ja see logib sisse PKCE-ga.
apps-require-two-step-hint = Kõik, kes sellesse rakendusse sisse logivad, läbivad oma seansis teise sammu, isegi kui miski muu seda ei nõua; kellel kinnitusviisi pole, seadistab selle enne.
apps-room-hint = Valikuline. Andmeruumiga seotuna logib rakendus sisse ainult ruumi liikmed ja administraatorid ning küsib kohustuslikelt liikmetelt kõigepealt ruumi koodi, nagu ruumi avamisel.
apps-save = Salvesta
apps-edit-title = Muuda: { $name }
apps-added-title = { $name } on lisatud
apps-new-secret-title = Uus saladus: { $name }
apps-secret-once = Kliendi saladust näidatakse ainult üks kord, sellel lehel. Kopeeri see kohe rakenduse seadetesse: seda ei saa uuesti näidata. Kui see kaob, loo uus saladus.
apps-secret-once-renewed = Kliendi saladust näidatakse ainult üks kord, sellel lehel. Kopeeri see kohe rakenduse seadetesse: seda ei saa uuesti näidata ja vana saladus enam ei tööta. Kui see kaob, loo uus saladus.
apps-no-secret = Avalikul rakendusel pole kliendi saladust: see logib sisse PKCE-ga (S256).
apps-needs = Mida { $name } oma seadetes vajab:
apps-client-secret = Kliendi saladus
apps-discovery-rest = Enamik rakendusi loeb ülejäänu discovery URL-ilt. Rakenduse saadetavad ümbersuunamise URI-d peavad täpselt vastama registreeritutele.
apps-done = Valmis

apps-done-saved = Rakendus on salvestatud.
apps-done-deleted = Rakendus on kustutatud.
apps-notice-saved = { $name } on salvestatud.
apps-notice-deleted = { $name } on kustutatud.

apps-too-long = Sisesta kuni 20 aadressi, igaüks kuni 2000 märki.
apps-choose-type = Vali kliendi tüüp: Konfidentsiaalne või Avalik.
apps-choose-room = Vali andmeruum loendist või „Puudub“.
apps-room-gone = Seda andmeruumi enam pole. Vali mõni muu või „Puudub“.
apps-name-missing = Sisesta rakenduse nimi.
apps-name-too-long = Nimi võib olla kuni 100 märki pikk, ühel real.
apps-redirect-uri-missing = Sisesta vähemalt üks ümbersuunamise URI: rakenduse aadress, mis sisselogimise vastu võtab.
# Miks sisestatud ümbersuunamise URI-d ei aktsepteerita (domain/oidc.rs); { $address } on aadress nii, nagu see sisestati.
apps-uri-not-an-address = „{ $address }“ pole täielik aadress. Sisesta see nii, nagu rakendus selle annab, näiteks https://crm.example.com/oidc/callback.
apps-uri-not-https = „{ $address }“ peab algama osaga https:// (http:// sobib ainult localhost'i ja 127.0.0.1 puhul arendamise ajal).
apps-uri-unsafe = „{ $address }“ ei tohi sisaldada kasutajanime, parooli ega #fragmenti.
apps-uri-too-many = Sisesta kõige rohkem { $max } aadressi.
apps-refused-room-gone = Seda andmeruumi pole enam olemas.
apps-public-no-secret = Avalikul rakendusel pole saladust: see logib sisse hoopis PKCE-ga.
rooms-not-yours = Andmeruume haldavad platvormi administraatorid ja iga ruumi enda administraatorid.

# Uue saladuse loomine: küsimus.
apps-renew-title = Kas luua rakendusele { $name } uus saladus?
apps-renew-stops = Rakenduse { $name } praegune saladus lakkab kohe töötamast: { $name } ei saa kedagi sisse logida, kuni selle seadetes on uus saladus.
apps-renew-shown-once = Uut saladust näidatakse üks kord, järgmisel lehel. Kopeeri see seal rakenduse seadetesse.
# Rakenduse kustutamine: küsimus.
apps-delete-title = Kas kustutada { $name }?
apps-delete-confidential = Keegi ei saa enam Twostepi kaudu rakendusse { $name } sisse logida: selle kliendi ID ja saladus lakkavad kohe töötamast, samuti sellele antud koodid ja juurdepääsulubad.
apps-delete-public = Keegi ei saa enam Twostepi kaudu rakendusse { $name } sisse logida: selle kliendi ID lakkab kohe töötamast, samuti sellele antud koodid ja juurdepääsulubad.
apps-delete-signed-in = Kes on rakendusse { $name } juba sisse loginud, jääb sinna sisselogituks, kuni rakenduse enda seanss lõpeb.
apps-delete-final = Seda ei saa tagasi võtta: uuesti lisatuna saab rakendus uue kliendi ID.
apps-delete-button = Kustuta rakendus
