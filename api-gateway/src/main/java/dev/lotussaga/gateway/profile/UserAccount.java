package dev.lotussaga.gateway.profile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_user")
class UserAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String email;

  private String passwordHash;

  private String firstName;

  private String lastName;

  @Enumerated(EnumType.STRING)
  private Role role;

  private Instant createdAt;

  protected UserAccount() {}

  UserAccount(String email, String passwordHash, String firstName, String lastName, Role role) {
    this.email = email;
    this.passwordHash = passwordHash;
    this.firstName = firstName;
    this.lastName = lastName;
    this.role = role;
    this.createdAt = Instant.now();
  }

  long id() {
    return id;
  }

  String email() {
    return email;
  }

  String passwordHash() {
    return passwordHash;
  }

  Role role() {
    return role;
  }

  void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void promoteTo(Role role) {
    this.role = role;
  }
}
