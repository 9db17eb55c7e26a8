"""Attribution finding for the `statements` component: cue tables and the sentence view
(base), verb-cued rules, phrase-cued shapes, stance/view verbs read off the parse (attitude),
and resolving the speaker phrase to an actor."""
