<#ftl output_format="plainText">
${msg("twoStepNoticeGreeting", user.firstName!user.username)}

<#-- A detail is a name (Chrome, Linux, a time) or the key of a word to translate: msg gives a name back as it is. -->
${msg(change, msg(detail1!""), msg(detail2!""), msg(detail3!""))}

${msg("twoStepNoticeNotYou")}

${msg("twoStepNotMeLinkText", notMeUrl)}
