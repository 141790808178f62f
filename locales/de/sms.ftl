# Die SMS mit einem Bestätigungscode. Das Portal fügt darunter die Zeile an, die Browser
# lesen (`@Host #Code`). Nur Zeichen aus GSM-7, dem SMS-Alphabet (ä, ö, ü, ß gehen), damit
# der Text in eine SMS mit 160 Zeichen passt.
sms-code = Ihr Bestätigungscode für { $app } lautet { $code }.
