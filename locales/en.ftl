# English texts of the guest access app. Every message here has a Hebrew counterpart in
# he.ftl under the same id; a test fails when either file misses one.
# Labels that the help article names (Manage guest access, Enable guest access, Create new
# link, Link Name, # of clicks, Duration, Day/s) are the product's own words: keep them.

## Whole app

product-name = Kaltura guest access
page-title = { $title } · { product-name }
title-error = Error: { $title }
error-prefix = Error:
loading = Loading
config-error-title = The app's configuration could not be loaded
config-error-body = This page needs its configuration file to reach the media service, and the file could not be used. Reload the page, and if the problem stays, tell the site's administrator.
config-unreachable = config.json could not be fetched: { $detail }
config-status = config.json could not be fetched: the server answered with HTTP status { $status }
config-invalid = config.json is invalid: { $detail }
not-found-title = Page not found
not-found-typed = If you typed the address, check that it is correct.
not-found-link = If you followed a guest link, ask the person who sent it for a new one.

## Shared controls

close = Close
cancel = Cancel
retry = Retry
reload-page = Reload page
done = Done

## Failed requests

failure-network = Couldn't reach the server. Check your connection and try again.
failure-timeout = Couldn't reach the server: it did not answer in time. Try again.
failure-status = Couldn't reach the server: it answered with HTTP status { $status }. Try again.
failure-malformed = Couldn't reach the server: its answer could not be read. Try again.
failure-cancelled = The request was cancelled. Try again.
failure-invalid-ks = Your session has expired. Reload the page to sign in again.
failure-forbidden = You don't have permission to manage guest links for this media.
failure-entry-missing = This media doesn't exist or was deleted.
failure-not-supported = Guest access is not supported for media gallery rooms.
failure-rejected = The server rejected the request ({ $code }).

## Media page

media-loading = Loading media
media-unavailable = Media unavailable
media-untitled = Untitled media
media-player = Media player
more-actions = More actions
manage-guest-access = Manage guest access

## Manage guest access dialog

manage-lead = Allow link-based access without sign-in. Up to { $max } guest links available.
links-loading = Loading guest links
guest-links = Guest links
link-count =
    { $count ->
        [0] No links added
        [one] { $count } link
       *[other] { $count } links
    }
enable-guest-access = Enable guest access
saving = Saving…
access-turned-on = Guest access turned on
access-turned-off = Guest access turned off
create-needs-access = Turn on guest access to create links.
create-limit = This media has the maximum of { $max } links. Delete one to create another.
link-copied = Link copied
link-created = Link created
link-deleted = Link deleted
link-already-deleted = This link had already been deleted
copy-fallback-label = Link for { $name }
copy-fallback-hint = Your browser did not allow copying. Press Ctrl+C to copy.

## Link table

column-name = Link name
column-expiry = Expiration date
column-clicks = # of clicks
column-actions = Actions
copy-link = Copy link { $name }
delete-link = Delete link { $name }
expiry-never = Never
expiry-unknown = Unknown date
clicks-unlimited = unlimited
clicks-used = { $used } / { $limit }
status-active = Active
status-expired = Expired
status-exhausted = Used up
status-inactive = Inactive
status-unknown = Unknown

## Create new link

create-new-link = Create new link
create-lead = Allow anyone with this link to access the media without signing in.
field-link-name = Link Name
field-clicks = # of clicks
field-clicks-hint = Limit how many times this link can be accessed.
field-duration = Duration
field-duration-unit = Day/s
create = Create
creating = Creating…
link-name-missing = Enter a link name
link-name-control = Link name can't contain line breaks, tabs or text-direction overrides
link-name-long = Link name must be { $max } characters or fewer
clicks-not-number = Enter # of clicks as a whole number, such as 25, or leave it empty for unlimited
clicks-small = # of clicks must be at least { $min }
clicks-large = # of clicks must be { $max } or fewer
duration-not-number = Enter the duration as a whole number of days, such as 7, or leave it empty for no expiry
duration-small =
    { $min ->
        [one] Duration must be at least { $min } day
       *[other] Duration must be at least { $min } days
    }
duration-large = Duration must be { $max } days or fewer
value-invalid = Check this value
form-limit-reached = This media already has { $max } guest links. Delete one to create another.
form-access-off = Guest access is off. Turn it on to create links.

## Delete confirmation

delete-title = Delete “{ $name }”?
delete-permanent = Deleted links can't be restored, and guests can no longer join with this link.
delete-joined = Guests who already joined with it stay in the session until they refresh or leave.
delete = Delete
deleting = Deleting…

## Guest page

guest-checking = Checking your link
guest-untitled = Untitled session
guest-invited = You're invited to join as a guest
guest-join-title = Join { $name }
guest-name = Name
guest-email = Email
guest-email-hint = Your email is used for identification only.
join = Join
joining = Joining…
joining-title = Joining
joining-session = Joining the session
guest-summary-title = There is a problem
guest-name-missing = Enter your name
guest-name-long = Name must be { $max } characters or fewer
guest-name-control = Name can't contain line breaks, tabs or text-direction overrides
guest-email-missing = Enter your email address
guest-email-long = Email address must be { $max } characters or fewer
guest-email-format = Enter an email address in the correct format, like name@example.com
guest-unsafe-title = This session can't be opened safely
guest-unsafe-body = The server sent an address outside the sites this page may open, so it was not followed. Tell the person who sent you the link.
waiting-title = Waiting for the moderator
waiting-heading = Waiting for the moderator to let you in
waiting-as = You'll join as { $name }.
waiting-unsteady = The connection is unsteady. Still trying…
waiting-rejected = The server could not check your request. Still trying…
leave = Leave
denied-title = The moderator declined your request
denied-body = You can ask to join again. The moderator will see a new request.
ask-again = Ask again
start-again = Start again
try-again = Try again
guest-unreachable = Couldn't reach the server
guest-blocked-title = This link can't be used right now
guest-rejected = The server rejected the request.

## Why a guest link can't be used

problem-access-off-title = Guest access is turned off
problem-access-off = The session's owner has turned off guest access. Ask them to turn it on again.
problem-not-found-title = This link is no longer valid
problem-not-found = The link was deleted or mistyped. Ask the person who sent it for a new one.
problem-expired-title = This link has expired
problem-expired = The link was only valid for a limited time. Ask the person who sent it for a new one.
problem-exhausted-title = This link has been used up
problem-exhausted = The link reached the number of times it could be used. Ask the person who sent it for a new one.
problem-room-gone-title = This session is no longer available
problem-room-gone = The room this link leads to was removed. Ask the person who sent the link.
problem-ticket-title = Your request to join is no longer valid
problem-ticket = It waited too long or was removed. Start again to ask to join once more.
problem-gallery-title = Guests can't join this media
problem-gallery = Guest access is not supported for media gallery rooms. Ask the person who sent the link how to take part.
