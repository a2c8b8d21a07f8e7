<#ftl output_format="plainText">
${msg("twoStepNoticeGreeting", user.firstName!user.username)}

${msg(change, detail1!"", detail2!"")}

${msg("twoStepNoticeNotYou")}

${msg("twoStepNotMeLinkText", notMeUrl)}
