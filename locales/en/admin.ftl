# The control center (/admin): overview, users, groups, security settings.

# Navigation and words shared by its pages.
admin-nav-overview = Overview
admin-nav-security = Security settings
admin-users = Users
admin-groups = Groups
admin-nav-rooms = Data rooms
admin-nav-applications = Applications
admin-nav-audit = Audit log
admin-only = The control center is for administrators.
admin-two-step = 2-step verification
admin-on = On
admin-off = Off
admin-never = Never
admin-none = None
admin-none-sentence = None.
admin-search = Search
admin-save = Save
admin-save-and-require = Save and require 2-step verification
admin-done = Done
admin-edit = Edit
admin-remove = Remove
admin-previous = Previous
admin-next = Next
admin-back-to = Back to { $name }
admin-back-to-users = Back to users
admin-back-to-groups = Back to groups
admin-back-to-rights = Back to User Rights
admin-add-user = Add user
admin-add-member = Add member
admin-add-member-email = Add a member (email)
admin-group = Group
admin-role-administrator = Administrator
admin-role-user = User
admin-method-sms = Text message (SMS)
admin-method-app = Authenticator app
admin-method-passkey = Passkey
admin-temporary-code = Temporary access code
admin-issue-temporary-code = Issue a temporary access code
admin-the-command-line = the command line
admin-search-too-long = Search with { $max } characters or fewer.
admin-choose-groups = Choose groups from the list.
admin-preview-who = Who they are, in the users list
# Between the digits of large numbers: 1,234.
admin-thousands-separator = ,
# A list of two or more: "a, b and c". { $items } is all but the last, separated by commas.
admin-list-and = { $items } and { $last }

# Table columns.
admin-column-name = Name
admin-column-email = Email
admin-column-phone = Phone number
admin-column-role = Role
admin-column-last-sign-in = Last sign-in
admin-column-set-up-by = Set up by
admin-column-country-code = Country calling code
admin-column-texts-today = Texts today
admin-column-codes-sent = Codes sent
admin-column-codes-entered = Codes entered
admin-column-conversion = Conversion
admin-column-device = Device
admin-column-ip = IP address
admin-column-trusted-since = Trusted since
admin-column-last-used = Last used
admin-column-signed-in = Signed in
admin-column-last-active = Last active

# Refused changes.
admin-refused-last-admin = This is the last administrator: make someone else an administrator first.
admin-refused-yourself = You cannot disable your own account. Another administrator can.
admin-refused-phone-in-use = This number receives the user's sign-in codes. The user changes it in My security settings, or you reset their 2-step verification first.
admin-refused-name-taken = A group with this name already exists.
admin-refused-no-such-email = No account has this email address.
admin-refused-email-taken = An account with this email address already exists.
admin-refused-room-admin = Room administrators cannot be enforced; they may turn on their own 2-step verification.

# Overview.
admin-overview-adoption-title = 2-step verification in use
# { $percent } is "40%" in bold.
admin-overview-key-figure = { $percent } of users use 2-step verification
admin-overview-chart-caption = Users with 2-step verification on, by method
admin-overview-all-users = All users
admin-overview-bar-on = { $percent }% on
admin-overview-bar-detail = ({ $on } of { $total })
admin-overview-table-caption = Users by 2-step verification method
admin-overview-column-total = Total
admin-overview-column-sms = SMS
admin-overview-column-app = App
admin-owing-title = Users who must still set up
admin-owing-none = Everyone who must use 2-step verification has set it up.
# { $number } is the count written out ("1,234"), in bold.
admin-owing-count = { $count ->
    [one] { $number } user must use 2-step verification and has not set it up.
   *[other] { $number } users must use 2-step verification and have not set it up.
}
admin-owing-first = The first { $count }:
admin-owing-next-sign-in = At their next sign-in
admin-owing-all = { $count ->
    [one] The user who must still set up, in the users list
   *[other] All { $number } users who must still set up, in the users list
}
admin-sms-title = SMS sent today
# { $settings } is a link to the security settings.
admin-sms-paused = Texts to new numbers are paused for today: all { $budget } of the daily SMS budget is spent. Codes to verified numbers still go out. Texts to new numbers start again at midnight (UTC); you can raise the budget on { $settings }.
admin-sms-warned = 80 % of today's SMS budget is spent: { $spent } of { $budget } texts to new numbers.
admin-sms-alerted = Administrators were emailed at { $time }.
admin-sms-pause-at = At { $budget }, texts to new numbers pause until midnight (UTC).
# { $number } is { $count } in bold.
admin-sms-today = { $count ->
    [one] { $number } text message since midnight (UTC): { $new } to new numbers (numbers no account has verified: registration, phone sign-in, set-up, a change) and { $verified } to verified numbers (sign-in, room steps).
   *[other] { $number } text messages since midnight (UTC): { $new } to new numbers (numbers no account has verified: registration, phone sign-in, set-up, a change) and { $verified } to verified numbers (sign-in, room steps).
}
admin-sms-budget = Daily budget of texts to new numbers: { $spent } of { $budget } spent.
admin-sms-by-country-caption = Texts today by country calling code
admin-country-unknown = Unknown
admin-conversion-title = Codes entered, last 7 days
# { $countries }: "+46, +47"; { $settings } is a link to the security settings.
admin-conversion-low = Codes sent to { $countries } are rarely entered: under half the usual rate of the other countries. Many codes that nobody enters are the signature of SMS pumping; consider lowering the cap per country calling code or leaving the country out of the countries SMS is sent to, on { $settings }.
admin-conversion-none = No text messages in the last 7 days.
admin-conversion-caption = Codes sent and entered in the last 7 days by country calling code
admin-conversion-far-below = Far below the others
admin-events-title = Recent security events
admin-events-all = The whole audit log

# Users list. { $more } is "yes" when there are more than { $number } (the list stops counting).
admin-users-search = Search users
admin-users-search-hint = Words of a name in any order, the start of an email or its domain (@example.com), or a phone number.
admin-filter-any = Any
admin-filter-must = Must still set up
admin-filter-admins-only = Administrators only
admin-filter-accounts = Accounts
admin-filter-all = All
admin-filter-enabled = Enabled
admin-filter-disabled = Disabled
admin-users-none = No users match.
admin-users-pages = Pages of users
admin-users-count = { $more ->
    [yes] More than { $number } users
   *[no] { $count ->
        [one] { $number } user
       *[other] { $number } users
    }
}
admin-users-match-search = { $more ->
    [yes] More than { $number } users match “{ $search }”
   *[no] { $count ->
        [one] { $number } user matches “{ $search }”
       *[other] { $number } users match “{ $search }”
    }
}
admin-users-must = { $more ->
    [yes] More than { $number } users must still set up
   *[no] { $count ->
        [one] { $number } user must still set up
       *[other] { $number } users must still set up
    }
}
admin-users-match-filters = { $more ->
    [yes] More than { $number } users match the filters
   *[no] { $count ->
        [one] { $number } user matches the filters
       *[other] { $number } users match the filters
    }
}
admin-users-choose-filter = Choose a 2-step verification filter from the list.
admin-users-choose-group = Choose a group from the list.
admin-users-choose-accounts = Choose accounts from the list.

# A user's page.
admin-requirement-not-offered = Not offered for this user.
admin-requirement-optional = Optional for this user.
admin-requirement-grace = Required (within a grace period) for this user.
admin-requirement-required = Required for this user.
admin-user-recovery-codes = Recovery codes
admin-user-codes-left = { $count } left
admin-user-codes-none-left = None left
admin-user-account = Account
admin-user-groups = Groups
admin-user-phone-locked = { $name }'s sign-in codes go to this number, so only { $name } can change it, with a code sent to the new number, in My security settings.
# { $link } is a link: admin-user-phone-lost-link.
admin-user-phone-lost = If they lost this phone, { $link }: once signed in, they change the number themselves.
admin-user-phone-lost-link = issue them a temporary access code
# { $link } is a link: admin-user-phone-reset-link.
admin-user-phone-reset = Or { $link }; then you can enter a number here.
admin-user-phone-reset-link = reset their 2-step verification
admin-user-phone-hint = With the country code, for example +46 70 123 45 67. Empty removes it.
admin-user-phone-verified = The user verified this number with a code.
admin-user-save-phone = Save phone number
admin-user-actions = Account actions
admin-reset = Reset 2-step verification
admin-user-password-link = Email a set-password link
admin-sign-out-everywhere = Sign out everywhere
admin-enable-account = Enable account
admin-disable-account = Disable account
admin-make-admin = Make administrator
admin-remove-admin = Remove administrator
admin-user-last-admin-me = You are the only administrator, so your role cannot be removed. Make someone else an administrator first.
admin-user-last-admin = { $name } is the only administrator, so this role cannot be removed nor the account disabled. Make someone else an administrator first.
# { $issued } and { $until } are dates.
admin-user-temporary-code = A code issued by { $by } on { $issued } is valid until { $until }, once.
admin-user-temporary-code-none = None. For someone who lost their phone and their recovery codes: a code you read to them, which signs them in once with their password.
admin-user-temporary-code-disabled = The account is disabled: no code signs it in.
admin-user-temporary-code-no-two-step = { $name } has no 2-step verification: their password alone signs them in.
admin-user-devices = Trusted devices
admin-user-sessions = Active sessions
admin-done-reset = 2-step verification was reset. The user was signed out everywhere and emailed.
admin-done-signed-out = The user was signed out everywhere.
admin-done-disabled = The account was disabled and signed out everywhere.
admin-done-enabled = The account was enabled.
admin-done-admin = The user is now an administrator.
admin-done-not-admin = The user is no longer an administrator.
admin-done-phone = The phone number was saved.
admin-done-added = The user was added. We emailed them a link to choose their password: it works once, for 72 hours.
admin-done-password-link = We emailed the user a link to choose their password: it works once, for 72 hours. Any earlier link stopped working.

# Confirmation pages. { $who } is "Name (email)".
admin-reset-question = Reset 2-step verification for { $name }?
admin-reset-no-longer-sms = { $who } will no longer sign in with codes texted to their phone.
admin-reset-no-longer-app = { $who } will no longer sign in with their authenticator app.
admin-reset-no-longer-passkey = { $who } will no longer sign in with their passkeys.
admin-reset-no-method = { $who } has no 2-step verification method set up.
admin-reset-removed = Removed: { $list }.
admin-reset-removed-app = their authenticator app's key
admin-reset-removed-phone = their phone as a sign-in method
admin-reset-removed-codes = { $count ->
    [one] their 1 recovery code
   *[other] their { $count } recovery codes
}
admin-reset-removed-devices = { $count ->
    [one] their 1 trusted device
   *[other] their { $count } trusted devices
}
admin-reset-sessions-end = Every session ends, including sign-ins halfway through.
admin-reset-required-again = 2-step verification is required for them: they set it up again at their next sign-in.
admin-reset-emailed = They are emailed that you reset it.
admin-sign-out-question = Sign { $name } out everywhere?
admin-sign-out-sessions = Every session of { $who } ends at once, including sign-ins halfway through.
admin-sign-out-again = They sign in again with their password and their second step.
admin-disable-question = Disable { $name }'s account?
admin-disable-no-sign-in = { $who } can no longer sign in.
admin-disable-sessions = Every session ends at once.
admin-disable-emailed = They are emailed that an administrator disabled the account.
admin-enable-question = Enable { $name }'s account?
admin-enable-sign-in = { $who } can sign in again, with their password and their second step.
admin-make-admin-question = Make { $name } an administrator?
admin-make-admin-can = { $who } can open the control center: change the security settings, reset, disable and sign out users, and make other administrators.
admin-make-admin-set-up = Where 2-step verification is required of administrators, they set it up at their next sign-in.
admin-remove-admin-question = Remove { $name } as an administrator?
admin-remove-admin-cannot = { $who } can no longer open the control center.
admin-password-link-question = Email { $name } a set-password link?
admin-password-link-emailed = { $count ->
    [one] A link is emailed to { $email }, and to no one else: it works once, for { $count } hour, and lets whoever opens it choose the account's password.
   *[other] A link is emailed to { $email }, and to no one else: it works once, for { $count } hours, and lets whoever opens it choose the account's password.
}
admin-password-link-earlier = Any earlier link stops working.
admin-password-link-two-step = Their 2-step verification stays as it is.
admin-password-link-button = Email the link

# Adding a user.
admin-new-user-intro = The person gets no password from you: we email them a link to choose one. The link works once, for 3 days.
admin-new-user-email-hint = The address they will sign in with. The link to choose a password goes there.
admin-new-user-phone = Phone number (optional)
# Followed by an example of a phone number.
admin-new-user-phone-hint = Their mobile number, for texts with sign-in codes:
admin-new-user-admin-hint = They can open the control center and change any account.

# Temporary access codes.
admin-code-title = Temporary access code for { $name }
admin-code-question = Issue a temporary access code to { $name }?
admin-code-shown-once = This code is shown only once. Read it to { $name } now, by phone or in person: never by email or chat.
# { $date } is when the code stops working.
admin-code-use = With their password, it signs them in once instead of a verification code, until { $date }. After 5 wrong tries it stops working. Once signed in, they set up a new phone or app in My security settings.
admin-code-make-sure = Make sure it is really { $name } asking: call them on a number you already know, or meet them.
admin-code-shown-to-you = The code is shown to you once, to read to them. With their password it signs them in once, instead of a verification code. Nothing is switched off.
admin-code-earlier-stops = The code issued earlier stops working.
admin-code-emailed = { $name } is emailed that a code was issued, without the code.
admin-code-valid-for = Valid for
admin-code-issue = Issue code
admin-code-choose-validity = Choose 1 hour, 8 hours or 24 hours.
admin-code-refused-disabled = This account is disabled: no code signs it in. Enable the account first.
admin-code-refused-no-two-step = This account has no 2-step verification: its password alone signs it in, so a temporary access code has nothing to stand in for.

# Groups.
admin-groups-none = No groups yet.
admin-group-members = Members
admin-group-rule = 2-step verification for members
admin-groups-grace = { $count ->
    [one] (grace period { $count } day)
   *[other] (grace period { $count } days)
}
admin-groups-create-title = Create a group
admin-group-name = Group name
admin-groups-create = Create group
admin-group-allowed = Allowed
admin-group-allowed-hint = Members follow the platform's setting in Security settings.
admin-group-not-available = Not available
admin-group-not-available-hint = Members cannot turn it on, unless something else requires it of them. Those who use it already may keep it.
admin-group-required = Required
admin-group-required-hint = Members must set it up and cannot turn it off. It wins over Not available from another group.
admin-group-methods = Methods members may use
admin-group-any-method = Any method
admin-group-any-method-hint = Passkeys, text messages or an authenticator app.
admin-group-passkeys-only = Passkeys only
admin-group-passkeys-only-hint = Members who use or must use 2-step verification add a passkey at their next sign-in (after the grace period) and cannot remove their last; then they verify with a passkey only. Passkeys cannot be phished.
admin-group-grace = Grace period (days)
admin-group-grace-hint = For Required or Passkeys only: days members have to set up, counted from when it first applies to them. Empty or 0: at their next sign-in.
admin-group-preview = { $count ->
    [one] Requiring 2-step verification of this group means { $count } member must set it up at their next sign-in.
   *[other] Requiring 2-step verification of this group means { $count } members must set it up at their next sign-in.
}
admin-group-preview-grace = { $count ->
    [one] Requiring 2-step verification of this group means { $count } member must set it up within the grace period.
   *[other] Requiring 2-step verification of this group means { $count } members must set it up within the grace period.
}
admin-preview-no-phone = { $count ->
    [one] { $count } of them has no phone number that can take codes (none on their account, or one outside the SMS countries allowed).
   *[other] { $count } of them have no phone number that can take codes (none on their account, or one outside the SMS countries allowed).
}
admin-group-member-count = { $count ->
    [one] { $count } member.
   *[other] { $count } members.
}
admin-group-search = Search members
admin-group-search-hint = The start of an email, or of any word of a name, or a phone number.
admin-group-no-members = No members yet.
admin-group-no-match = No members match.
admin-remove-from = Remove { $name } from { $group }
admin-group-next-members = Next members
admin-group-manage = Rename or delete
admin-group-rename = Rename
admin-group-delete = Delete group
admin-group-done-created = The group was created.
admin-group-done-renamed = The group was renamed.
admin-group-done-rule = The rule for members was saved.
admin-group-done-added = The member was added.
admin-group-done-removed = The member was removed.
admin-group-member-added = { $name } was added.
admin-group-member-already = { $name } is already a member.
admin-group-member-removed = { $name } was removed.
admin-group-name-missing = Enter a name for the group.
admin-group-name-too-long = The group name must be { $max } characters or fewer, on one line.
admin-group-choose-rule = Choose Allowed, Not available or Required.
admin-group-grace-invalid = Enter the grace period as a whole number of days from 0 to { $max }, or leave it empty.
admin-group-choose-methods = Choose Any method or Passkeys only.
admin-group-member-email-missing = Enter the email address of the person to add.
# A change of a group's rule, in the audit log.
admin-rule-change-two-step = 2-step verification for members: { $before } → { $after }
admin-rule-change-methods = methods: { $before } → { $after }
admin-rule-change-grace = grace period: { $before } → { $after }

# A data room's User Rights.
admin-rights = User Rights
admin-rights-room = Data room
admin-rights-group = User group
admin-rights-show = Show
admin-rights-no-members = No members in this group yet.
admin-rights-caption = Members of { $group }
admin-rights-phone = Two-factor phone number
# After "Edit", for screen readers.
admin-rights-edit-hidden = the two-factor phone number of { $name }
# After "Remove", for screen readers.
admin-rights-remove-hidden = { $name } from { $group }
admin-rights-no-groups = This room has no user groups yet.
admin-rights-create-one = Create one
admin-invitation-title = Invitation sent
admin-invitation-sent = We emailed an invitation to { $email }.
admin-invitation-explained = { $count ->
    [one] No account has the address { $email }. The invitation lets the person who reads that inbox create their account and join { $room }. Its link works once, for { $count } day, and only they receive it. If it is lost, add the address again: a new invitation replaces the old one.
   *[other] No account has the address { $email }. The invitation lets the person who reads that inbox create their account and join { $room }. Its link works once, for { $count } days, and only they receive it. If it is lost, add the address again: a new invitation replaces the old one.
}

# Security settings: the settings' names (also in the notice after saving and the audit log).
admin-setting-required-everyone = Required for everyone
admin-setting-require-for-admins = Require 2-step verification for administrators
admin-setting-admins-use-passkeys = Administrators must use passkeys
admin-setting-default-language = Default language
admin-setting-new-device-alerts = Email users when they sign in from a new device
admin-setting-trusted-devices = Trusted devices expire
admin-setting-users-choose-session = Let users choose their session duration
admin-setting-max-session = Longest session users may choose
admin-setting-inactivity = Sign out after inactivity
admin-setting-reminder = Show a reminder to users who have not turned on 2-step verification
admin-setting-open-registration = Let people create their own accounts
admin-setting-app-name = App name
admin-setting-sms-countries = SMS countries allowed
admin-setting-default-country = Default country for phone numbers
admin-setting-phone-sign-in = Allow registration and sign-in with a phone number
admin-setting-users-edit-profile = Users can edit their profile
admin-setting-sms-daily-budget = Daily SMS budget
admin-setting-sms-per-number = Texts a day per number
admin-setting-sms-per-address = Texts a day per client address
admin-setting-sms-per-network = Texts a day per network
admin-setting-sms-per-country = Texts a day per country calling code
admin-setting-after-days = { $count ->
    [one] After { $count } day
   *[other] After { $count } days
}
# Every SMS country is allowed.
admin-setting-all = All
# No default country, no grace period.
admin-setting-none = none
# A saved change: "Trusted devices expire: After 30 days → Never".
admin-setting-change = { $setting }: { $before } → { $after }
admin-settings-saved = Saved.
admin-settings-nothing-changed = Nothing changed.
admin-settings-optional = Optional
admin-settings-off-hint = Nobody is offered it (administrators still are when required of them).
admin-settings-optional-hint = Users choose.
admin-settings-required-hint = Everyone sets it up at their next sign-in.
admin-settings-require-for-admins-hint = Administrators set it up at their next sign-in and cannot turn it off. Not asked when it is required for everyone.
admin-settings-admins-use-passkeys-hint = Administrators who use or must use 2-step verification add a passkey at their next sign-in and cannot remove their last; then they verify with a passkey only, which cannot be phished.
admin-settings-default-language-hint = For people whose browser asks for none of the languages offered, and who chose none.
admin-settings-new-device-alerts-hint = A sign-in from a browser the account has not used before is emailed to its owner, with "This wasn't me" to end every session and choose a new password. A password used without the second step being completed is always emailed.
admin-settings-reminder-hint = Only when it is optional. Each time they open { $app }, until they turn it on or choose "Not now" for the session, users without it read:
admin-settings-sessions-title = Sessions and devices
admin-settings-accounts-title = Accounts and registration
admin-settings-open-registration-hint = Off: only administrators add users, and the Create account page is closed.
admin-settings-phone-sign-in-hint = People register and sign in with a code texted to their phone. Someone who must use 2-step verification also gives their password or an authenticator code.
admin-settings-users-edit-profile-hint = Off: only administrators change a user's phone number, in Users.
admin-settings-name-title = The app's name
admin-settings-app-name-hint = In every page's title, the emails, and the text messages with the codes.
admin-settings-sms-title = Text messages and limits
admin-settings-sms-countries-hint = Two-letter country codes separated by commas, for example SE, NO. Empty: every country.
admin-settings-default-country-hint = A two-letter country code, for example SE: numbers from that country may be typed without their country code (070 123 45 67). Empty: the only allowed SMS country when there is one, else every number starts with its country code.
admin-settings-limits-legend = Texts to numbers no account has verified
admin-settings-limits-hint = Registration, sign-in by phone to a new number, setting up or changing a number: the texts SMS pumping abuses. Each limit counts a UTC day. Sign-in codes to a verified number never count and always go out.
admin-settings-sms-daily-budget-hint = For the whole platform. At 80 % administrators are emailed; at 100 % these texts stop until the next day.
admin-settings-sms-per-network-hint = A network is the /24 of an IPv4 address, the /48 of an IPv6 one.
admin-settings-preview = { $count ->
    [one] Requiring 2-step verification for everyone means { $count } user must set it up at their next sign-in, before anything else.
   *[other] Requiring 2-step verification for everyone means { $count } users must set it up at their next sign-in, before anything else.
}
admin-settings-preview-no-phone = { $count ->
    [one] { $count } of them has no phone number that can take codes (none on their account, or one outside the SMS countries allowed): they will need an authenticator app or a phone number.
   *[other] { $count } of them have no phone number that can take codes (none on their account, or one outside the SMS countries allowed): they will need an authenticator app or a phone number.
}
admin-settings-choose-two-step = Choose whether 2-step verification is off, optional or required.
admin-settings-choose-trusted = Choose when trusted devices expire.
admin-settings-choose-session = Choose the longest session from the list.
admin-settings-choose-inactivity = Choose when to sign out after inactivity from the list.
admin-settings-app-name-missing = Enter the app name.
admin-settings-app-name-too-long = The app name must be { $max } characters or fewer, on one line.
admin-settings-countries-invalid = Enter two-letter country codes separated by commas, for example SE, NO, or leave it empty to allow every country.
admin-settings-country-invalid = Enter a two-letter country code, for example SE, or leave it empty.
admin-settings-choose-language = Choose one of the languages offered.
admin-settings-budget-invalid = Enter the daily SMS budget as a whole number from 0 to { $max }.
admin-settings-per-number-invalid = Enter the texts a day per number as a whole number from 0 to { $max }.
admin-settings-per-address-invalid = Enter the texts a day per client address as a whole number from 0 to { $max }.
admin-settings-per-network-invalid = Enter the texts a day per network as a whole number from 0 to { $max }.
admin-settings-per-country-invalid = Enter the texts a day per country calling code as a whole number from 0 to { $max }.
# A share in whole percent: "40%".
admin-percent = { $percent }%
# A room member without a phone number.
admin-rights-no-phone = None
