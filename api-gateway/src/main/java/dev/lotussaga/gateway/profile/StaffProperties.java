package dev.lotussaga.gateway.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The staff account ensured at start-up (env LOTUS_STAFF_EMAIL / LOTUS_STAFF_PASSWORD). */
@ConfigurationProperties("lotus.staff")
record StaffProperties(String email, String password) {}
