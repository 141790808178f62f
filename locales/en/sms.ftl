# The text message with a verification code. The portal adds the line browsers read
# (`@host #code`) below it. Swedish and German stay within GSM-7, the SMS alphabet, so
# that the text fits one segment of 160 characters.
sms-code = Your { $app } verification code is { $code }.
