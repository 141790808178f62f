# The frame of every page: header, menus, banners.
skip-to-content = Skip to content
nav-account = Account
nav-control-center = Control center
nav-manage-rooms = Manage data rooms
nav-profile = Profile
nav-security = Security
nav-change-password = Change password
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-create-account = Create account
nav-menu = Menu
menu-signed-in-as = Signed in as { $name }
language = Language
banner-development = Development mode
banner-sms-development = SMS is in development mode: verification codes are written to the server log, not sent.
banner-set-up = 2-step verification set-up
banner-add-passkey-by = Add a passkey by { $date }: your administrator requires one.
banner-add-passkey-now = Add one now
banner-set-up-by = Set up 2-step verification by { $date }.
banner-set-up-now = Set it up now

# Dates and times. { $time } is 24-hour "19:34"; every time is UTC.
date-time = { $day } { $month } { $year }, { $time } UTC
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

# Durations, with the number.
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

# Parts every page may use.
error-summary-title = There is a problem
# Before a page's title when its form has errors: "Error: Sign in".
error-prefix = Error:
warning-prefix = Warning:
cancel = Cancel
column-action = Action
step-of = Step { $number } of { $total }
phone-example-national = for example { $national } or { $international }; numbers from other countries start with + and their country code
phone-example-international = with its country code, for example +46 70 123 45 67
