${msg("twoStepNoticeGreeting", user.firstName!user.username)}

${msg(change)}

${msg("twoStepNoticeNotYou")}
