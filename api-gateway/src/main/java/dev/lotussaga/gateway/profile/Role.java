package dev.lotussaga.gateway.profile;

public enum Role {
  USER,
  STAFF
}
