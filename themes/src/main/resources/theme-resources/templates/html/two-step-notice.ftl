<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("twoStepNoticeGreeting", user.firstName!user.username))?no_esc}</p>
<#-- A detail is a name (Chrome, Linux, a time) or the key of a word to translate: msg gives a name back as it is. -->
<p>${kcSanitize(msg(change, msg(detail1!""), msg(detail2!""), msg(detail3!"")))?no_esc}</p>
<p>${kcSanitize(msg("twoStepNoticeNotYou"))?no_esc}</p>
<p><a id="not-me" href="${notMeUrl}">${msg("twoStepNotMeLink")}</a></p>
</@layout.emailLayout>
