/// An AIFdb file with every node type: a linked RA that an undercutting CA targets, a simple RA,
/// a rebutting CA, a mutual pair of CAs, an MA, a PA, and locutions anchoring three I-nodes
/// (speaker from a participant, from the `Name :` prefix, and none), plus dialogue TA and YA
/// nodes anchoring an inference.
let aifdbFixture = #"""
  {
    "nodes": [
      {"nodeID": "1", "text": "Taxes should rise.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "2", "text": "Schools need\n money.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "3", "text": "Money buys teachers.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "4", "text": "Taxes hurt growth.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "5", "text": "Growth matters less than schools.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "6", "text": "Raise taxes now.", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "7", "text": "Schools matter more than \"growth\".", "type": "I", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "11", "text": "Default Inference", "type": "RA", "timestamp": "2020-01-01 10:00:00",
       "scheme": "Argument From Consequences", "schemeID": "9"},
      {"nodeID": "12", "text": "Default Conflict", "type": "CA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "13", "text": "Default Conflict", "type": "CA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "14", "text": "Default Inference", "type": "RA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "15", "text": "Default Rephrase", "type": "MA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "16", "text": "Default Preference", "type": "PA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "17", "text": "Default Conflict", "type": "CA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "18", "text": "Default Conflict", "type": "CA", "timestamp": "2020-01-01 10:00:00"},
      {"nodeID": "20", "text": "Ann : Taxes should rise, surely.", "type": "L", "timestamp": "2020-01-01 10:01:00"},
      {"nodeID": "21", "text": "Asserting", "type": "YA", "timestamp": "2020-01-01 10:01:00"},
      {"nodeID": "22", "text": "Bob : taxes hurt growth", "type": "L", "timestamp": "2020-01-01 10:02:00"},
      {"nodeID": "23", "text": "Asserting", "type": "YA", "timestamp": "2020-01-01 10:02:00"},
      {"nodeID": "24", "text": "no speaker here", "type": "L"},
      {"nodeID": "25", "text": "Asserting", "type": "YA"},
      {"nodeID": "26", "text": "Default Transition", "type": "TA"},
      {"nodeID": "27", "text": "Arguing", "type": "YA"}
    ],
    "edges": [
      {"edgeID": "1", "fromID": "2", "toID": "11"},
      {"edgeID": "2", "fromID": "3", "toID": "11"},
      {"edgeID": "3", "fromID": "11", "toID": "1"},
      {"edgeID": "4", "fromID": "4", "toID": "12"},
      {"edgeID": "5", "fromID": "12", "toID": "1"},
      {"edgeID": "6", "fromID": "5", "toID": "13"},
      {"edgeID": "7", "fromID": "13", "toID": "11"},
      {"edgeID": "8", "fromID": "7", "toID": "14"},
      {"edgeID": "9", "fromID": "14", "toID": "5"},
      {"edgeID": "10", "fromID": "6", "toID": "15"},
      {"edgeID": "11", "fromID": "15", "toID": "1"},
      {"edgeID": "12", "fromID": "1", "toID": "16"},
      {"edgeID": "13", "fromID": "16", "toID": "4"},
      {"edgeID": "14", "fromID": "4", "toID": "17"},
      {"edgeID": "15", "fromID": "17", "toID": "7"},
      {"edgeID": "16", "fromID": "7", "toID": "18"},
      {"edgeID": "17", "fromID": "18", "toID": "4"},
      {"edgeID": "18", "fromID": "20", "toID": "21"},
      {"edgeID": "19", "fromID": "21", "toID": "1"},
      {"edgeID": "20", "fromID": "22", "toID": "23"},
      {"edgeID": "21", "fromID": "23", "toID": "4"},
      {"edgeID": "22", "fromID": "24", "toID": "25"},
      {"edgeID": "23", "fromID": "25", "toID": "2"},
      {"edgeID": "24", "fromID": "20", "toID": "26"},
      {"edgeID": "25", "fromID": "26", "toID": "22"},
      {"edgeID": "26", "fromID": "26", "toID": "27"},
      {"edgeID": "27", "fromID": "27", "toID": "11"}
    ],
    "locutions": [
      {"nodeID": "20", "personID": "1", "timestamp": "2020-01-01 10:01:00", "start": null, "end": null, "source": null},
      {"nodeID": "999", "personID": "2", "timestamp": "2020-01-01 10:01:00", "start": null, "end": null, "source": null}
    ],
    "participants": [
      {"participantID": "1", "firstname": "Ann", "surname": "Smith"}
    ]
  }
  """#

/// An OVA file: the AIF inside a wrapper, numeric node and edge ids, OVA's layout alongside.
let ovaFixture = #"""
  {
    "AIF": {
      "nodes": [
        {"nodeID": 1, "text": "Cats are better than dogs.", "type": "I", "timestamp": ""},
        {"nodeID": 2, "text": "Cats purr.", "type": "I", "timestamp": ""},
        {"nodeID": 3, "text": "Default Inference", "type": "RA", "timestamp": ""},
        {"nodeID": 4, "text": "Dogs purr too.", "type": "I", "timestamp": ""},
        {"nodeID": 5, "text": "Default Conflict", "type": "CA", "timestamp": ""}
      ],
      "edges": [
        {"edgeID": 1, "fromID": 2, "toID": 3},
        {"edgeID": 2, "fromID": 3, "toID": 1},
        {"edgeID": 3, "fromID": 4, "toID": 5},
        {"edgeID": 4, "fromID": 5, "toID": 2}
      ],
      "locutions": [],
      "participants": []
    },
    "OVA": {"firstname": "", "surname": "", "url": "", "nodes": [{"nodeID": 1, "x": 10, "y": 20}], "edges": []},
    "text": "<p>Cats are better than dogs. Cats purr.</p>"
  }
  """#
