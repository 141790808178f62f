# Why a typed phone number is refused (domain/phone.rs).
phone-unreadable = Enter the phone number with its country code, starting with + (for example +46 70 123 45 67).
phone-invalid = This is not a valid phone number. Check the country code and the digits.
phone-premium-rate = This is a premium-rate number, which cannot receive text messages. Enter a mobile phone number.
phone-toll-free = This is a toll-free number, which cannot receive text messages. Enter a mobile phone number.
phone-shared-cost = This is a shared-cost number, which cannot receive text messages. Enter a mobile phone number.
phone-landline = This is a landline number, which cannot receive text messages. Enter a mobile phone number.
phone-voip = This is an internet phone (VoIP) number, which cannot receive text messages. Enter a mobile phone number.
phone-voicemail = This is a voicemail number, which cannot receive text messages. Enter a mobile phone number.
phone-not-mobile = This number cannot receive text messages. Enter a mobile phone number.
phone-country-not-allowed = Text messages cannot be sent to numbers in this country. Use a number from an allowed country.
