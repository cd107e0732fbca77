/* lyg-invitation.h
 *
 * Copyright 2026 The Lygte Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lyg-crypto.h"

G_BEGIN_DECLS

/* What a new device needs to join a team (DESIGN §6): where the server is,
 * which certificate it must present, a single-use enrollment code, and the
 * team key. Sealed under a short one-time secret that is passed separately
 * (read aloud), so the invitation text alone is useless.
 */
typedef struct
{
  char   *url;
  char   *pin;
  char   *code;
  char   *key_id;
  LygKey *team_key;
} LygInvitation;

#define LYG_INVITATION_PREFIX "lygte-invitation-1:"

LygInvitation *lyg_invitation_new            (const char          *url,
                                              const char          *pin,
                                              const char          *code,
                                              const char          *key_id,
                                              const LygKey        *team_key);
void           lyg_invitation_free           (LygInvitation       *invitation);
char          *lyg_invitation_new_secret     (void);
char          *lyg_invitation_normalize_secret (const char        *secret);
char          *lyg_invitation_seal           (const LygInvitation *invitation,
                                              const char          *secret,
                                              const LygKdfParams  *params,
                                              GError             **error);
LygInvitation *lyg_invitation_open           (const char          *text,
                                              const char          *secret,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LygInvitation, lyg_invitation_free)

G_END_DECLS
