package dev.lotussaga.gateway.profile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Makes sure the configured staff account exists with the configured password. */
@Component
class StaffAccount implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StaffAccount.class);

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final StaffProperties staff;

  StaffAccount(UserAccountRepository users, PasswordEncoder passwords, StaffProperties staff) {
    this.users = users;
    this.passwords = passwords;
    this.staff = staff;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    String email = ProfileController.normalize(staff.email());
    UserAccount account =
        users
            .findByEmail(email)
            .orElseGet(() -> new UserAccount(email, "", "Staff", null, Role.STAFF));
    if (account.passwordHash().isEmpty()
        || !passwords.matches(staff.password(), account.passwordHash())) {
      account.changePassword(passwords.encode(staff.password()));
    }
    account.promoteTo(Role.STAFF);
    users.save(account);
    log.info("Staff account {} ready", email);
  }
}
