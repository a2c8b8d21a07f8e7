<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("twoStepNoticeGreeting", user.firstName!user.username))?no_esc}</p>
<p>${kcSanitize(msg(change, detail1!"", detail2!""))?no_esc}</p>
<p>${kcSanitize(msg("twoStepNoticeNotYou"))?no_esc}</p>
<p><a id="not-me" href="${notMeUrl}">${msg("twoStepNotMeLink")}</a></p>
</@layout.emailLayout>
