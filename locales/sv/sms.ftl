# Sms:et med en verifieringskod. Portalen lägger till raden som webbläsare läser
# (`@värd #kod`) under det. Bara tecken ur GSM-7, sms-alfabetet (å, ä, ö går bra), så att
# texten ryms i ett sms på 160 tecken.
sms-code = Din verifieringskod för { $app } är { $code }.
