# Massåtgärder, export och import i användarlistan (/admin/users, /admin/users/import).

## Importera användare (CSV)
import-title = Importera användare (CSV)
import-link = Importera användare (CSV)
import-intro = Ladda upp en CSV-fil med rubrikraden email,name,phone,groups. Grupper skiljs åt med semikolon; telefonnumret och grupperna får vara tomma. Inget läggs till innan du har sett varje rad.
import-example-label = Till exempel:
import-example =
    email,name,phone,groups
    ada@example.com,Ada Lovelace,+46701234567,Sälj;Ekonomi
import-file = CSV-fil
import-file-hint = UTF-8, komma- eller semikolonseparerad, högst { $max } rader och { $megabytes } MB.
import-preview = Förhandsgranska
import-import = Importera
import-choose-file = Välj en CSV-fil att ladda upp.
import-file-not-text = Filen är inte UTF-8-text. Spara den från ditt kalkylprogram som ”CSV UTF-8”.
import-file-too-large = Filen är större än { $megabytes } MB.
import-file-empty = Filen är tom.
import-file-wrong-header = Första raden måste vara rubrikraden email,name,phone,groups.
import-file-no-lines = Filen har inga rader efter rubrikraden.
import-file-too-many-lines = Filen har fler än { $max } rader. Dela upp den i mindre filer.
import-file-unclosed-quote = Rad { $line } öppnar ett citattecken som aldrig stängs.
import-preview-title = Förhandsgranskning av { $file }
import-preview-ready = { $count ->
    [one] 1 rad kan importeras.
   *[other] { $count } rader kan importeras.
}
import-preview-problems = { $count ->
    [one] 1 rad har ett problem och lämnas orörd.
   *[other] { $count } rader har ett problem och lämnas orörda.
}
import-already-imported = Den här filen har redan importerats.
import-invitations = Varje ny användare får en inbjudan via e-post med en länk för att välja sitt lösenord.
import-column-line = Rad
import-column-outcome = Resultat
import-line-ready = Klar att importera
import-line-added = Tillagd och inbjuden
import-line-left-alone = Lämnad orörd: { $problem }
import-problem-columns = { $count ->
    [one] Raden har 1 kolumn i stället för 4.
   *[other] Raden har { $count } kolumner i stället för 4.
}
import-problem-unknown-group = Det finns ingen grupp ”{ $group }”.
import-problem-duplicate = Samma e-postadress finns på rad { $line }.
import-problem-existing-account = Det finns redan ett konto med den här e-postadressen.
import-refused-changed = Inte tillagd: en grupp togs bort under tiden.
import-report-title = Importen är klar
import-report-added = { $count ->
    [one] 1 användare lades till och fick en inbjudan via e-post.
   *[other] { $count } användare lades till och fick en inbjudan via e-post.
}
import-report-left-alone = { $count ->
    [one] 1 rad lämnades orörd.
   *[other] { $count } rader lämnades orörda.
}

## Massåtgärder
bulk-column-select = Välj
bulk-with-selected = Med markerade
bulk-action-reset = Återställ tvåstegsverifiering
bulk-action-add = Lägg till i grupp
bulk-action-remove = Ta bort från grupp
bulk-action-remind = Skicka en påminnelse via e-post
bulk-choose-action = Välj vad som ska göras
bulk-group = Grupp att lägga till i eller ta bort från
bulk-apply = Verkställ
bulk-export = Exportera (CSV)
bulk-problem-title = Med markerade
bulk-problem-nobody = Markera minst en person i listan.
bulk-problem-too-many = Markera högst { $max } personer åt gången.
bulk-problem-action = Välj vad som ska göras med de markerade personerna.
bulk-problem-group = Välj en grupp.
bulk-question-reset = { $count ->
    [one] Återställa tvåstegsverifiering för 1 person?
   *[other] Återställa tvåstegsverifiering för { $count } personer?
}
bulk-question-add = { $count ->
    [one] Lägga till 1 person i { $group }?
   *[other] Lägga till { $count } personer i { $group }?
}
bulk-question-remove = { $count ->
    [one] Ta bort 1 person från { $group }?
   *[other] Ta bort { $count } personer från { $group }?
}
bulk-question-remind = { $count ->
    [one] Skicka en påminnelse om att aktivera tvåstegsverifiering till 1 person?
   *[other] Skicka en påminnelse om att aktivera tvåstegsverifiering till { $count } personer?
}
bulk-reset-follows = Deras metoder, återställningskoder och betrodda enheter tas bort och alla sessioner avslutas. Var och en får ett e-postmeddelande. Administratörer och ditt eget konto lämnas orörda: återställ dem från deras egen sida.
bulk-add-follows = Var och en blir medlem, och gruppens regel för tvåstegsverifiering gäller för dem.
bulk-remove-follows = Var och en slutar vara medlem, och gruppens regel gäller inte längre för dem.
bulk-remind-follows = Varje person utan tvåstegsverifiering får en länk till sina säkerhetsinställningar via e-post. Personer som redan har den aktiverad och inaktiverade konton lämnas orörda.
bulk-each-own = Varje person ändras för sig: ett nej för en person påverkar inte de andra.
bulk-who = Vem
bulk-unknown-user = Ingen sådan användare (id { $id })
bulk-report-title = Klart med de markerade personerna
bulk-report-done = { $count ->
    [one] Klart för 1 person.
   *[other] Klart för { $count } personer.
}
bulk-report-skipped = { $count ->
    [one] 1 person lämnades orörd.
   *[other] { $count } personer lämnades orörda.
}
bulk-column-outcome = Resultat
bulk-done = Klart
bulk-skipped-no-such-user = Inte gjort: det finns ingen sådan användare.
bulk-skipped-yourself = Inte gjort: återställ ditt eget konto från din egen sida.
bulk-skipped-administrator = Inte gjort: en administratör återställs bara från sin egen sida.
bulk-skipped-already-member = Inte gjort: redan medlem.
bulk-skipped-not-member = Inte gjort: inte medlem.
bulk-skipped-two-step-on = Inte gjort: tvåstegsverifiering är redan aktiverad.
bulk-skipped-disabled = Inte gjort: kontot är inaktiverat.
bulk-reminder-subject = Aktivera tvåstegsverifiering för { $app }
bulk-reminder-lead = En administratör för { $app } ber dig aktivera tvåstegsverifiering. Då kräver inloggningen ditt lösenord och en kod från din telefon, så att ditt lösenord ensamt inte räcker för någon annan.
bulk-reminder-link = Öppna dina säkerhetsinställningar
bulk-reminder-after = Det tar en minut: välj sms eller en autentiseringsapp, och spara dina återställningskoder på ett säkert ställe.
