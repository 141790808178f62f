# Hulgitoimingud, eksport ja import kasutajate loendis (/admin/users, /admin/users/import).

## Kasutajate import (CSV)
import-title = Impordi kasutajad (CSV)
import-link = Impordi kasutajad (CSV)
import-intro = Laadi üles CSV-fail päisereaga email,name,phone,groups. Grupid eraldatakse semikooloniga; telefoninumber ja grupid võivad olla tühjad. Midagi ei lisata enne, kui oled iga rida näinud.
import-example-label = Näiteks:
import-example =
    email,name,phone,groups
    ada@example.com,Ada Lovelace,+46701234567,Müük;Finants
import-file = CSV-fail
import-file-hint = UTF-8, eraldajaks koma või semikoolon, kuni { $max } rida ja { $megabytes } MB.
import-preview = Eelvaade
import-import = Impordi
import-choose-file = Vali üleslaaditav CSV-fail.
import-file-not-text = Fail ei ole UTF-8 tekst. Salvesta see oma tabelarvutusprogrammist kujul „CSV UTF-8“.
import-file-too-large = Fail on suurem kui { $megabytes } MB.
import-file-empty = Fail on tühi.
import-file-wrong-header = Esimene rida peab olema päiserida email,name,phone,groups.
import-file-no-lines = Failis pole pärast päiserida ühtegi rida.
import-file-too-many-lines = Failis on üle { $max } rea. Jaga see väiksemateks failideks.
import-file-unclosed-quote = Real { $line } avatakse jutumärk, mida kunagi ei suleta.
import-preview-title = Faili { $file } eelvaade
import-preview-ready = { $count ->
    [one] 1 rea saab importida.
   *[other] { $count } rida saab importida.
}
import-preview-problems = { $count ->
    [one] 1 real on probleem ja see jäetakse puutumata.
   *[other] { $count } real on probleem ja need jäetakse puutumata.
}
import-already-imported = See fail on juba imporditud.
import-invitations = Iga uus kasutaja saab e-postiga kutse koos lingiga, et oma parool valida.
import-column-line = Rida
import-column-outcome = Tulemus
import-line-ready = Valmis importimiseks
import-line-added = Lisatud ja kutsutud
import-line-left-alone = Puutumata: { $problem }
import-problem-columns = { $count ->
    [one] Real on 4 veeru asemel 1 veerg.
   *[other] Real on 4 veeru asemel { $count } veergu.
}
import-problem-unknown-group = Gruppi „{ $group }“ ei ole.
import-problem-duplicate = Sama e-posti aadress on real { $line }.
import-problem-existing-account = Selle e-posti aadressiga konto on juba olemas.
import-refused-changed = Ei lisatud: vahepeal eemaldati grupp.
import-report-title = Import on tehtud
import-report-added = { $count ->
    [one] 1 kasutaja lisati ja talle saadeti e-postiga kutse.
   *[other] { $count } kasutajat lisati ja neile saadeti e-postiga kutse.
}
import-report-left-alone = { $count ->
    [one] 1 rida jäeti puutumata.
   *[other] { $count } rida jäeti puutumata.
}

## Hulgitoimingud
bulk-column-select = Vali
bulk-with-selected = Valitutega
bulk-action-reset = Lähtesta kaheastmeline kinnitamine
bulk-action-add = Lisa gruppi
bulk-action-remove = Eemalda grupist
bulk-action-remind = Saada meeldetuletus e-postiga
bulk-choose-action = Vali, mida teha
bulk-group = Grupp, kuhu lisada või kust eemaldada
bulk-apply = Rakenda
bulk-export = Ekspordi (CSV)
bulk-problem-title = Valitutega
bulk-problem-nobody = Vali loendist vähemalt üks inimene.
bulk-problem-too-many = Vali korraga kuni { $max } inimest.
bulk-problem-action = Vali, mida valitud inimestega teha.
bulk-problem-group = Vali grupp.
bulk-question-reset = { $count ->
    [one] Kas lähtestada 1 inimese kaheastmeline kinnitamine?
   *[other] Kas lähtestada { $count } inimese kaheastmeline kinnitamine?
}
bulk-question-add = { $count ->
    [one] Kas lisada 1 inimene gruppi { $group }?
   *[other] Kas lisada { $count } inimest gruppi { $group }?
}
bulk-question-remove = { $count ->
    [one] Kas eemaldada 1 inimene grupist { $group }?
   *[other] Kas eemaldada { $count } inimest grupist { $group }?
}
bulk-question-remind = { $count ->
    [one] Kas saata 1 inimesele meeldetuletus kaheastmelise kinnitamise sisselülitamiseks?
   *[other] Kas saata { $count } inimesele meeldetuletus kaheastmelise kinnitamise sisselülitamiseks?
}
bulk-reset-follows = Nende meetodid, taastekoodid ja usaldusväärsed seadmed eemaldatakse ning kõik seansid lõpetatakse. Igaüks saab e-kirja. Administraatorid ja sinu enda konto jäetakse puutumata: lähtesta need nende enda lehelt.
bulk-add-follows = Igaüks saab liikmeks ja grupi kaheastmelise kinnitamise reegel kehtib tema kohta.
bulk-remove-follows = Igaüks lakkab olemast liige ja grupi reegel ei kehti enam tema kohta.
bulk-remind-follows = Iga inimene, kellel pole kaheastmelist kinnitamist, saab e-postiga lingi oma turvaseadetele. Inimesed, kellel see on juba sees, ja keelatud kontod jäetakse puutumata.
bulk-each-own = Iga inimest muudetakse eraldi: ühe keeldumine ei mõjuta teisi.
bulk-who = Kes
bulk-unknown-user = Sellist kasutajat pole (id { $id })
bulk-report-title = Valitud inimestega on tehtud
bulk-report-done = { $count ->
    [one] Tehtud 1 inimese jaoks.
   *[other] Tehtud { $count } inimese jaoks.
}
bulk-report-skipped = { $count ->
    [one] 1 inimene jäeti puutumata.
   *[other] { $count } inimest jäeti puutumata.
}
bulk-column-outcome = Tulemus
bulk-done = Tehtud
bulk-skipped-no-such-user = Ei tehtud: sellist kasutajat pole.
bulk-skipped-yourself = Ei tehtud: lähtesta oma konto oma lehelt.
bulk-skipped-administrator = Ei tehtud: administraatorit lähtestatakse ainult tema enda lehelt.
bulk-skipped-already-member = Ei tehtud: juba liige.
bulk-skipped-not-member = Ei tehtud: pole liige.
bulk-skipped-two-step-on = Ei tehtud: kaheastmeline kinnitamine on juba sees.
bulk-skipped-disabled = Ei tehtud: konto on keelatud.
bulk-reminder-subject = Lülita { $app } jaoks sisse kaheastmeline kinnitamine
bulk-reminder-lead = { $app } administraator palub sul lülitada sisse kaheastmeline kinnitamine. Siis on sisselogimiseks vaja sinu parooli ja koodi sinu telefonist, nii et ainult sinu paroolist ei piisa kellelegi teisele.
bulk-reminder-link = Ava oma turvaseaded
bulk-reminder-after = See võtab minuti: vali SMS või autentimisrakendus ja hoia oma taastekoode kindlas kohas.
