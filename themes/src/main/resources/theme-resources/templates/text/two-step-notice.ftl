${msg("twoStepNoticeGreeting", user.firstName!user.username)}

${msg(change)}

${msg("twoStepNoticeNotYou")}

${msg("twoStepNotMeLinkText", notMeUrl)}
