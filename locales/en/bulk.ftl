# Bulk actions, export and import of the users list (/admin/users, /admin/users/import).

## Import users (CSV)
import-title = Import users (CSV)
import-link = Import users (CSV)
import-intro = Upload a CSV file with the header row email,name,phone,groups. Groups are separated by semicolons; the phone number and the groups may be empty. Nothing is added before you have seen every line.
import-example-label = For example:
import-example =
    email,name,phone,groups
    ada@example.com,Ada Lovelace,+46701234567,Sales;Finance
import-file = CSV file
import-file-hint = UTF-8, comma or semicolon separated, at most { $max } lines and { $megabytes } MB.
import-preview = Preview
import-import = Import
import-choose-file = Choose a CSV file to upload.
import-file-not-text = The file is not UTF-8 text. Save it from your spreadsheet as "CSV UTF-8".
import-file-too-large = The file is larger than { $megabytes } MB.
import-file-empty = The file is empty.
import-file-wrong-header = The first line must be the header row email,name,phone,groups.
import-file-no-lines = The file has no lines after its header row.
import-file-too-many-lines = The file has more than { $max } lines. Split it into smaller files.
import-file-unclosed-quote = Line { $line } opens a quotation mark that is never closed.
import-preview-title = Preview of { $file }
import-preview-ready = { $count ->
    [one] 1 line can be imported.
   *[other] { $count } lines can be imported.
}
import-preview-problems = { $count ->
    [one] 1 line has a problem and will be left alone.
   *[other] { $count } lines have a problem and will be left alone.
}
import-already-imported = This file has been imported already.
import-invitations = Each new user is emailed an invitation with a link to choose their password.
import-column-line = Line
import-column-outcome = Outcome
import-line-ready = Ready to import
import-line-added = Added and invited
import-line-left-alone = Left alone: { $problem }
import-problem-columns = { $count ->
    [one] The line has 1 column instead of 4.
   *[other] The line has { $count } columns instead of 4.
}
import-problem-unknown-group = There is no group “{ $group }”.
import-problem-duplicate = The same email is on line { $line }.
import-problem-existing-account = An account with this email exists already.
import-refused-changed = Not added: a group was removed meanwhile.
import-report-title = Import done
import-report-added = { $count ->
    [one] 1 user was added and emailed an invitation.
   *[other] { $count } users were added and emailed an invitation.
}
import-report-left-alone = { $count ->
    [one] 1 line was left alone.
   *[other] { $count } lines were left alone.
}

## Bulk actions
bulk-column-select = Select
bulk-with-selected = With selected
bulk-action-reset = Reset 2-step verification
bulk-action-add = Add to group
bulk-action-remove = Remove from group
bulk-action-remind = Send a reminder email
bulk-choose-action = Choose what to do
bulk-group = Group to add to or remove from
bulk-apply = Apply
bulk-export = Export (CSV)
bulk-problem-title = With selected
bulk-problem-nobody = Select at least one person in the list.
bulk-problem-too-many = Select at most { $max } people at once.
bulk-problem-action = Choose what to do with the selected people.
bulk-problem-group = Choose a group.
bulk-question-reset = { $count ->
    [one] Reset 2-step verification for 1 person?
   *[other] Reset 2-step verification for { $count } people?
}
bulk-question-add = { $count ->
    [one] Add 1 person to { $group }?
   *[other] Add { $count } people to { $group }?
}
bulk-question-remove = { $count ->
    [one] Remove 1 person from { $group }?
   *[other] Remove { $count } people from { $group }?
}
bulk-question-remind = { $count ->
    [one] Email 1 person a reminder to turn on 2-step verification?
   *[other] Email { $count } people a reminder to turn on 2-step verification?
}
bulk-reset-follows = Their methods, recovery codes and trusted devices are removed and every session ends. Each is emailed. Administrators and your own account are left alone: reset them from their own page.
bulk-add-follows = Each becomes a member, and the group's rule for 2-step verification applies to them.
bulk-remove-follows = Each stops being a member, and the group's rule no longer applies to them.
bulk-remind-follows = Each person without 2-step verification is emailed a link to their security settings. People who have it on already, and disabled accounts, are left alone.
bulk-each-own = Each person is changed on their own: a refusal for one leaves the others done.
bulk-who = Who
bulk-unknown-user = No such user (id { $id })
bulk-report-title = Done with the selected people
bulk-report-done = { $count ->
    [one] Done for 1 person.
   *[other] Done for { $count } people.
}
bulk-report-skipped = { $count ->
    [one] 1 person was left alone.
   *[other] { $count } people were left alone.
}
bulk-column-outcome = Outcome
bulk-done = Done
bulk-skipped-no-such-user = Not done: there is no such user.
bulk-skipped-yourself = Not done: reset your own account from your own page.
bulk-skipped-administrator = Not done: an administrator is reset only from their own page.
bulk-skipped-already-member = Not done: already a member.
bulk-skipped-not-member = Not done: not a member.
bulk-skipped-two-step-on = Not done: 2-step verification is on already.
bulk-skipped-disabled = Not done: the account is disabled.
bulk-reminder-subject = Turn on 2-step verification for { $app }
bulk-reminder-lead = An administrator of { $app } asks you to turn on 2-step verification. Then signing in takes your password and a code from your phone, so your password alone is not enough for anyone else.
bulk-reminder-link = Open your security settings
bulk-reminder-after = It takes a minute: choose text messages or an authenticator app, and keep your recovery codes somewhere safe.
