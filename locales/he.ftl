# Hebrew texts of the guest access app, with the same ids as en.ftl. Hebrew reads right
# to left; numbers, addresses and names from other scripts keep their own direction.
# The texts address the reader in the plural, which Hebrew uses for any gender.

## Whole app

product-name = גישת אורחים של Kaltura
page-title = { $title } · { product-name }
title-error = שגיאה: { $title }
error-prefix = שגיאה:
loading = בטעינה
config-error-title = לא ניתן היה לטעון את הגדרות האפליקציה
config-error-body = הדף זקוק לקובץ ההגדרות שלו כדי להתחבר לשירות המדיה, ולא ניתן היה להשתמש בקובץ. טענו את הדף מחדש, ואם הבעיה נמשכת, פנו למנהל האתר.
config-unreachable = לא ניתן היה להוריד את config.json: { $detail }
config-status = לא ניתן היה להוריד את config.json: השרת ענה בקוד HTTP { $status }
config-invalid = הקובץ config.json אינו תקין: { $detail }
not-found-title = הדף לא נמצא
not-found-typed = אם הקלדתם את הכתובת, בדקו שהיא נכונה.
not-found-link = אם הגעתם מקישור אורח, בקשו קישור חדש ממי ששלח אותו.

## Shared controls

close = סגירה
cancel = ביטול
retry = ניסיון חוזר
reload-page = טעינת הדף מחדש
done = סיום

## Failed requests

failure-network = לא ניתן היה להתחבר לשרת. בדקו את החיבור ונסו שוב.
failure-timeout = לא ניתן היה להתחבר לשרת: הוא לא ענה בזמן. נסו שוב.
failure-status = לא ניתן היה להתחבר לשרת: הוא ענה בקוד HTTP { $status }. נסו שוב.
failure-malformed = לא ניתן היה להתחבר לשרת: לא ניתן היה לקרוא את תשובתו. נסו שוב.
failure-cancelled = הבקשה בוטלה. נסו שוב.
failure-invalid-ks = פג תוקף ההתחברות שלכם. טענו את הדף מחדש כדי להתחבר שוב.
failure-forbidden = אין לכם הרשאה לנהל קישורי אורח למדיה הזו.
failure-entry-missing = המדיה הזו לא קיימת או שנמחקה.
failure-not-supported = גישת אורחים אינה נתמכת בחדרי גלריית מדיה.
failure-rejected = השרת דחה את הבקשה ({ $code }).

## Media page

media-loading = טעינת המדיה
media-unavailable = המדיה אינה זמינה
media-untitled = מדיה ללא שם
media-player = נגן מדיה
more-actions = פעולות נוספות
manage-guest-access = ניהול גישת אורחים

## Manage guest access dialog

manage-lead = אפשרו גישה באמצעות קישור, בלי להתחבר. אפשר ליצור עד { $max } קישורי אורח.
links-loading = טעינת קישורי האורח
guest-links = קישורי אורח
link-count =
    { $count ->
        [0] לא נוספו קישורים
        [one] קישור אחד
        [two] שני קישורים
       *[other] { $count } קישורים
    }
enable-guest-access = הפעלת גישת אורחים
saving = בשמירה…
access-turned-on = גישת האורחים הופעלה
access-turned-off = גישת האורחים כובתה
create-needs-access = הפעילו את גישת האורחים כדי ליצור קישורים.
create-limit = למדיה הזו כבר יש { $max } קישורים, המספר המרבי. מחקו אחד כדי ליצור אחר.
link-copied = הקישור הועתק
link-created = הקישור נוצר
link-deleted = הקישור נמחק
link-already-deleted = הקישור הזה כבר נמחק
copy-fallback-label = קישור עבור { $name }
copy-fallback-hint = הדפדפן לא אפשר העתקה. הקישו Ctrl+C כדי להעתיק.

## Link table

column-name = שם הקישור
column-expiry = תאריך תפוגה
column-clicks = מספר כניסות
column-actions = פעולות
copy-link = העתקת הקישור { $name }
delete-link = מחיקת הקישור { $name }
expiry-never = ללא תפוגה
expiry-unknown = תאריך לא ידוע
clicks-unlimited = ללא הגבלה
clicks-used = { $used } מתוך { $limit }
status-active = פעיל
status-expired = פג תוקף
status-exhausted = נוצל
status-inactive = לא פעיל
status-unknown = לא ידוע

## Create new link

create-new-link = יצירת קישור חדש
create-lead = כל מי שיש לו את הקישור הזה יוכל לגשת למדיה בלי להתחבר.
field-link-name = שם הקישור
field-clicks = מספר כניסות
field-clicks-hint = הגבילו את מספר הפעמים שאפשר להשתמש בקישור.
field-duration = משך
field-duration-unit = ימים
create = יצירה
creating = ביצירה…
link-name-missing = הזינו שם לקישור
link-name-control = שם הקישור לא יכול להכיל מעברי שורה, טאבים או סימני כיוון טקסט
link-name-long = שם הקישור יכול להכיל עד { $max } תווים
clicks-not-number = הזינו את מספר הכניסות כמספר שלם, למשל 25, או השאירו ריק ללא הגבלה
clicks-small = מספר הכניסות חייב להיות לפחות { $min }
clicks-large = מספר הכניסות יכול להיות עד { $max }
duration-not-number = הזינו את המשך כמספר שלם של ימים, למשל 7, או השאירו ריק ללא תפוגה
duration-small =
    { $min ->
        [one] המשך חייב להיות לפחות יום אחד
        [two] המשך חייב להיות לפחות יומיים
       *[other] המשך חייב להיות לפחות { $min } ימים
    }
duration-large = המשך יכול להיות עד { $max } ימים
value-invalid = בדקו את הערך הזה
form-limit-reached = למדיה הזו כבר יש { $max } קישורי אורח. מחקו אחד כדי ליצור אחר.
form-access-off = גישת האורחים כבויה. הפעילו אותה כדי ליצור קישורים.

## Delete confirmation

delete-title = למחוק את "{ $name }"?
delete-permanent = אי אפשר לשחזר קישורים שנמחקו, ואורחים לא יוכלו עוד להצטרף באמצעות הקישור הזה.
delete-joined = אורחים שכבר הצטרפו דרכו יישארו בסשן עד שירעננו את הדף או יעזבו.
delete = מחיקה
deleting = במחיקה…

## Guest page

guest-checking = בודקים את הקישור
guest-untitled = סשן ללא שם
guest-invited = הזמנה להצטרף כאורחים
guest-join-title = הצטרפות אל { $name }
guest-name = שם
guest-email = דוא״ל
guest-email-hint = כתובת הדוא״ל משמשת לזיהוי בלבד.
join = הצטרפות
joining = מצטרפים…
joining-title = מצטרפים
joining-session = מצטרפים לסשן
guest-summary-title = יש בעיה
guest-name-missing = הזינו את שמכם
guest-name-long = השם יכול להכיל עד { $max } תווים
guest-name-control = השם לא יכול להכיל מעברי שורה, טאבים או סימני כיוון טקסט
guest-email-missing = הזינו את כתובת הדוא״ל שלכם
guest-email-long = כתובת הדוא״ל יכולה להכיל עד { $max } תווים
guest-email-format = הזינו כתובת דוא״ל בפורמט הנכון, כמו name@example.com
guest-unsafe-title = לא ניתן לפתוח את הסשן הזה בבטחה
guest-unsafe-body = השרת שלח כתובת מחוץ לאתרים שהדף הזה רשאי לפתוח, ולכן לא עברנו אליה. ספרו על כך למי ששלח לכם את הקישור.
waiting-title = ממתינים למנחה
waiting-heading = ממתינים שהמנחה יכניס אתכם
waiting-as = תצטרפו בשם { $name }.
waiting-unsteady = החיבור לא יציב. ממשיכים לנסות…
waiting-rejected = השרת לא הצליח לבדוק את הבקשה שלכם. ממשיכים לנסות…
leave = יציאה
denied-title = המנחה דחה את הבקשה שלכם
denied-body = אפשר לבקש להצטרף שוב. המנחה יראה בקשה חדשה.
ask-again = בקשה חוזרת
start-again = התחלה מחדש
try-again = ניסיון חוזר
guest-unreachable = לא ניתן היה להתחבר לשרת
guest-blocked-title = אי אפשר להשתמש בקישור הזה כרגע
guest-rejected = השרת דחה את הבקשה.

## Why a guest link can't be used

problem-access-off-title = גישת האורחים כבויה
problem-access-off = בעל הסשן כיבה את גישת האורחים. בקשו ממנו להפעיל אותה שוב.
problem-not-found-title = הקישור הזה כבר לא תקף
problem-not-found = הקישור נמחק או הוקלד בטעות. בקשו קישור חדש ממי ששלח אותו.
problem-expired-title = תוקף הקישור הזה פג
problem-expired = הקישור היה תקף לזמן מוגבל בלבד. בקשו קישור חדש ממי ששלח אותו.
problem-exhausted-title = הקישור הזה נוצל עד הסוף
problem-exhausted = הקישור הגיע למספר הפעמים שאפשר להשתמש בו. בקשו קישור חדש ממי ששלח אותו.
problem-room-gone-title = הסשן הזה כבר לא זמין
problem-room-gone = החדר שהקישור מוביל אליו הוסר. פנו למי ששלח את הקישור.
problem-ticket-title = הבקשה שלכם להצטרף כבר לא תקפה
problem-ticket = היא המתינה זמן רב מדי או שהוסרה. התחילו מחדש כדי לבקש להצטרף שוב.
problem-gallery-title = אורחים לא יכולים להצטרף למדיה הזו
problem-gallery = גישת אורחים אינה נתמכת בחדרי גלריית מדיה. שאלו את מי ששלח את הקישור איך להשתתף.
