from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'table.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::DynamoDB::Table\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n'
    else:
        pass
        yield '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Delete\n'
    yield '    Properties:\n      TableName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n'
    for l_1_a in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'attributes'):
        _loop_vars = {}
        pass
        yield '        - AttributeName: '
        yield str(t_3(environment.getattr(l_1_a, 'name')))
        yield '\n          AttributeType: '
        yield str(environment.getitem({'string': 'S', 'number': 'N', 'binary': 'B'}, environment.getattr(l_1_a, 'type')))
        yield '\n'
    l_1_a = missing
    yield '      KeySchema:\n        - AttributeName: '
    yield str(t_3(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'key'), 'name')))
    yield '\n          KeyType: HASH\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'):
        pass
        yield '        - AttributeName: '
        yield str(t_3(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'), 'name')))
        yield '\n          KeyType: RANGE\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'indexes'):
        pass
        yield '      GlobalSecondaryIndexes:\n'
        for l_1_i in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'indexes'):
            _loop_vars = {}
            pass
            yield '        - IndexName: '
            yield str(t_3(environment.getattr(l_1_i, 'name')))
            yield '\n          KeySchema:\n            - AttributeName: '
            yield str(t_3(environment.getattr(environment.getattr(l_1_i, 'key'), 'name')))
            yield '\n              KeyType: HASH\n'
            if environment.getattr(l_1_i, 'sort'):
                pass
                yield '            - AttributeName: '
                yield str(t_3(environment.getattr(environment.getattr(l_1_i, 'sort'), 'name')))
                yield '\n              KeyType: RANGE\n'
            yield '          Projection:\n            ProjectionType: ALL\n'
        l_1_i = missing
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl'):
        pass
        yield '      TimeToLiveSpecification:\n        AttributeName: '
        yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl')))
        yield '\n        Enabled: true\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'stream'):
        pass
        yield '      StreamSpecification:\n        StreamViewType: NEW_AND_OLD_IMAGES\n'
    yield '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pitr')))
    yield '\n      SSESpecification:\n        SSEEnabled: true\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '2=33&10=40&13=42&14=46&15=48&18=52&20=54&21=57&24=59&26=62&27=66&29=68&31=70&32=73&39=77&41=80&44=82&49=86&52=88&53=91'
