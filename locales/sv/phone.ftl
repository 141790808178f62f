# Varför ett inskrivet telefonnummer inte godtas (domain/phone.rs).
phone-unreadable = Ange telefonnumret med landsnummer, med + först (till exempel +46 70 123 45 67).
phone-invalid = Det här är inget giltigt telefonnummer. Kontrollera landsnumret och siffrorna.
phone-premium-rate = Det här är ett betalnummer, som inte kan ta emot sms. Ange ett mobilnummer.
phone-toll-free = Det här är ett avgiftsfritt nummer, som inte kan ta emot sms. Ange ett mobilnummer.
phone-shared-cost = Det här är ett nummer med delad kostnad, som inte kan ta emot sms. Ange ett mobilnummer.
phone-landline = Det här är ett fast nummer, som inte kan ta emot sms. Ange ett mobilnummer.
phone-voip = Det här är ett internettelefoninummer (IP-telefoni), som inte kan ta emot sms. Ange ett mobilnummer.
phone-voicemail = Det här är ett röstbrevlådenummer, som inte kan ta emot sms. Ange ett mobilnummer.
phone-not-mobile = Det här numret kan inte ta emot sms. Ange ett mobilnummer.
phone-country-not-allowed = Sms kan inte skickas till nummer i det här landet. Använd ett nummer från ett tillåtet land.
